import { randomUUID } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import * as Y from 'yjs';
import { contentHash, type LedgerEntry } from '../../core/ledger';
import { versionNameHash } from '../../core/ledger-content';
import type { Queryable } from '../db/database';
import { proposalVersion } from '../db/schema';
import { loadCommittedText } from './committed-text';
import { appendLedgerEntry, type LockedProposal } from './ledger-writer';

/** A version just taken. */
export interface CapturedVersion {
  id: string;
  textHash: string;
  entry: LedgerEntry;
}

/**
 * Freezes a proposal's committed text into a version (Yjs state, ProseMirror
 * JSON, SHA-256 of the text) with its ledger entry, inside the caller's
 * transaction, which holds the proposal's lock. Reading the committed text
 * from the database, not a client's copy, is what makes the version exactly
 * what every client has been sent.
 */
export async function captureVersion(
  tx: Queryable,
  proposal: LockedProposal,
  options: { name: string; kind: 'named' | 'decision'; actorId: string },
): Promise<CapturedVersion> {
  const text = await loadCommittedText(tx, proposal.id);
  const pmJson = text.pmDoc.toJSON() as Record<string, unknown>;
  const textHash = contentHash(pmJson);
  const yjsState = Y.encodeStateAsUpdate(text.doc);
  text.doc.destroy();
  const id = randomUUID();
  await tx.insert(proposalVersion).values({
    id,
    proposalId: proposal.id,
    round: proposal.round,
    name: options.name,
    kind: options.kind,
    yjsState,
    pmJson,
    textHash,
    createdBy: options.actorId,
  });
  const entry = await appendLedgerEntry(tx, {
    proposalId: proposal.id,
    kind: 'version.saved',
    actorId: options.actorId,
    data: {
      versionId: id,
      kind: options.kind,
      round: proposal.round,
      nameHash: versionNameHash(options.name),
      textHash,
      stateHash: bytesToHex(sha256(yjsState)),
    },
  });
  return { id, textHash, entry };
}
