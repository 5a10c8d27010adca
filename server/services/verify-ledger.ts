import { eq, inArray } from 'drizzle-orm';
import { verifyChain, type LedgerEntry, type LedgerKind, type LedgerVerification } from '../../core/ledger';
import { anchorHash, dissentWordsHash, replyBodyHash, type StoredAnchor } from '../../core/ledger-content';
import type { Queryable } from '../db/database';
import { dissent, dissentReply, dissentRevision, replyRevision } from '../db/schema';
import { readLedger, requireProposalReader } from './get-ledger';
import { findUnrecordedRow, type UnrecordedRow } from './ledger-coverage';

/** A verification; a broken one also names the kind of the entry at fault, when that entry exists. */
export type LedgerReport =
  | Extract<LedgerVerification, { ok: true }>
  | (Extract<LedgerVerification, { ok: false }> & {
      brokenAt: Extract<LedgerVerification, { ok: false }>['brokenAt'] & { kind?: LedgerKind; row?: UnrecordedRow };
    });

/** The stored rows that entries' content hashes refer to, keyed for lookup. */
interface StoredContent {
  dissents: Map<string, typeof dissent.$inferSelect>;
  dissentRevisions: Map<string, typeof dissentRevision.$inferSelect>;
  replies: Map<string, typeof dissentReply.$inferSelect>;
  replyRevisions: Map<string, typeof replyRevision.$inferSelect>;
}

const revisionKey = (id: unknown, revision: unknown) => `${String(id)}#${String(revision)}`;

const base64 = (bytes: Uint8Array | null) =>
  bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** A dissent's anchor as file-dissent hashed it: positions in base64, quote only when there is a passage. */
function storedAnchor(row: typeof dissent.$inferSelect): StoredAnchor {
  return {
    start: base64(row.anchorStart),
    end: base64(row.anchorEnd),
    quote: row.quoteExact === null ? null : { exact: row.quoteExact, prefix: row.quotePrefix ?? '', suffix: row.quoteSuffix ?? '' },
  };
}

/** Reads every dissent, reply and revision of a proposal (the rows entries' hashes cover). */
async function loadContent(db: Queryable, proposalId: string): Promise<StoredContent> {
  const dissentRows = await db.select().from(dissent).where(eq(dissent.proposalId, proposalId));
  const dissentIds = dissentRows.map((row) => row.id);
  const [revisionRows, replyRows] =
    dissentIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.select().from(dissentRevision).where(inArray(dissentRevision.dissentId, dissentIds)),
          db.select().from(dissentReply).where(inArray(dissentReply.dissentId, dissentIds)),
        ]);
  const replyIds = replyRows.map((row) => row.id);
  const replyRevisionRows = replyIds.length === 0 ? [] : await db.select().from(replyRevision).where(inArray(replyRevision.replyId, replyIds));
  return {
    dissents: new Map(dissentRows.map((row) => [row.id, row])),
    dissentRevisions: new Map(revisionRows.map((row) => [revisionKey(row.dissentId, row.revision), row])),
    replies: new Map(replyRows.map((row) => [row.id, row])),
    replyRevisions: new Map(replyRevisionRows.map((row) => [revisionKey(row.replyId, row.revision), row])),
  };
}

/**
 * Whether the stored rows an entry refers to still hash to what it recorded.
 * A row that is missing, or that belongs elsewhere, does not match either.
 * Kinds without content (withdrawals, signatures, retractions) always match.
 */
function contentMatches(entry: LedgerEntry, content: StoredContent): boolean {
  const data = entry.data ?? {};
  switch (entry.kind) {
    case 'dissent.filed': {
      const row = content.dissents.get(String(data.dissentId));
      const words = content.dissentRevisions.get(revisionKey(data.dissentId, 1));
      return (
        row !== undefined &&
        words !== undefined &&
        data.revision === 1 &&
        data.contentHash === dissentWordsHash(words) &&
        data.anchorHash === anchorHash(storedAnchor(row))
      );
    }
    case 'dissent.revised': {
      const words = content.dissentRevisions.get(revisionKey(data.dissentId, data.revision));
      return words !== undefined && data.contentHash === dissentWordsHash(words);
    }
    case 'reply.posted': {
      const row = content.replies.get(String(data.replyId));
      const words = content.replyRevisions.get(revisionKey(data.replyId, 1));
      return (
        row !== undefined &&
        words !== undefined &&
        data.revision === 1 &&
        row.dissentId === data.dissentId &&
        row.parentReplyId === data.parentReplyId &&
        data.contentHash === replyBodyHash(words.body)
      );
    }
    case 'reply.revised': {
      const words = content.replyRevisions.get(revisionKey(data.replyId, data.revision));
      return words !== undefined && data.contentHash === replyBodyHash(words.body);
    }
    default:
      return true;
  }
}

/**
 * Verifies a proposal's ledger: the chain itself (positions, hashes, links:
 * core/ledger.ts's verifyChain), then that the dissents' and replies' stored
 * words and anchors still hash to what their entries recorded, and finally
 * that no stored row lacks its entry. Reports the first broken entry,
 * whichever check finds it.
 */
export async function checkLedger(db: Queryable, proposalId: string): Promise<LedgerReport> {
  const entries = await readLedger(db, proposalId);
  const chain = verifyChain(proposalId, entries);
  // Content is compared only up to a broken link: beyond it, entries say nothing trustworthy.
  const trusted = chain.ok ? entries : entries.slice(0, chain.brokenAt.seq - 1);
  const content = await loadContent(db, proposalId);
  const altered = trusted.find((entry) => !contentMatches(entry, content));
  if (altered) {
    return { ok: false, length: entries.length, brokenAt: { seq: altered.seq, problem: 'content-mismatch', kind: altered.kind } };
  }
  if (chain.ok) {
    const unrecorded = await findUnrecordedRow(db, proposalId, entries);
    if (unrecorded) return { ok: false, length: entries.length, brokenAt: { seq: entries.length + 1, problem: 'unrecorded-row', row: unrecorded } };
    return chain;
  }
  if (chain.brokenAt.problem === 'sequence-gap') return chain;
  // At a gap the entry found in that position is not the one that is missing: name no kind then.
  return { ...chain, brokenAt: { ...chain.brokenAt, kind: entries[chain.brokenAt.seq - 1].kind } };
}

/** GET /api/proposals/:proposalId/ledger/verify: for members of the proposal's assembly, observers included. */
export async function verifyLedger(db: Queryable, userId: string, proposalId: string): Promise<LedgerReport> {
  await requireProposalReader(db, userId, proposalId);
  return checkLedger(db, proposalId);
}
