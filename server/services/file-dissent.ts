import { randomUUID } from 'node:crypto';
import { requireParticipation } from '../../core/dissent-rules';
import { anchorHash, dissentWordsHash, type StoredAnchor } from '../../core/ledger-content';
import { refuse } from '../../core/refusals';
import type { FileDissentInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { dissent, dissentRevision } from '../db/schema';
import { anchorPassage, loadCommittedText } from './committed-text';
import { openProposal } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { loadDissentViews } from './dissent-views';
import { appendLedgerEntry } from './ledger-writer';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * Files a dissent on a proposal, on a passage or on the whole text. The
 * passage is resolved against the server's committed text, which also
 * supplies the quote: a client cannot anchor to text the server does not have
 * or make up what the passage says. Stored beside the text, never in it.
 */
export async function fileDissent(db: Db, actorId: string, proposalId: string, input: FileDissentInput) {
  const { id, assemblyId, entry } = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, proposalId, actorId);
    requireParticipation(role, proposal.status);
    let anchorColumns = {};
    let stored: StoredAnchor = { start: null, end: null, quote: null };
    if (input.anchor) {
      const text = await loadCommittedText(tx, proposalId);
      const passage = anchorPassage(text, input.anchor.start, input.anchor.end);
      if (!passage) throw refuse('ANCHOR_NOT_IN_TEXT');
      anchorColumns = {
        anchorStart: passage.start,
        anchorEnd: passage.end,
        quoteExact: passage.quote.exact,
        quotePrefix: passage.quote.prefix,
        quoteSuffix: passage.quote.suffix,
        anchoredTextState: text.stateVector,
      };
      stored = { start: base64(passage.start), end: base64(passage.end), quote: passage.quote };
    }
    const id = randomUUID();
    const words = { title: input.title, body: input.body, alternativeWording: input.alternativeWording };
    await tx.insert(dissent).values({ id, proposalId, authorId: actorId, ...anchorColumns });
    await tx.insert(dissentRevision).values({ dissentId: id, revision: 1, ...words });
    const entry = await appendLedgerEntry(tx, {
      proposalId,
      kind: 'dissent.filed',
      actorId,
      data: { dissentId: id, revision: 1, contentHash: dissentWordsHash(words), anchorHash: anchorHash(stored) },
    });
    return { id, assemblyId: proposal.assemblyId, entry };
  });
  await announceDissentChange(db, { type: 'dissent.filed', assemblyId, proposalId, dissentId: id, actorId, entry }, true);
  const { dissents } = await loadDissentViews(db, actorId, proposalId, [id]);
  return dissents[0];
}
