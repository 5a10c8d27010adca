import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { LedgerEntry, LedgerHead } from '../../core/ledger';
import { refuse } from '../../core/refusals';
import type { Queryable } from '../db/database';
import { ledgerEntry, proposal } from '../db/schema';
import { requireMembership } from './membership-guard';

/** A proposal's chain, as the API lists it. */
export interface LedgerListing {
  entries: LedgerEntry[];
  /** The last entry, which commits to all before it; null for an empty chain. */
  head: LedgerHead | null;
}

/**
 * Refuses anyone who is not a member (observers included) of the proposal's
 * assembly with PROPOSAL_NOT_FOUND, exactly as for a proposal that does not
 * exist, so that outsiders learn nothing.
 */
export async function requireProposalReader(db: Queryable, userId: string, proposalId: string): Promise<void> {
  const [row] = await db.select({ assemblyId: proposal.assemblyId }).from(proposal).where(eq(proposal.id, proposalId));
  if (!row) throw refuse('PROPOSAL_NOT_FOUND');
  try {
    await requireMembership(db, row.assemblyId, userId);
  } catch {
    throw refuse('PROPOSAL_NOT_FOUND');
  }
}

/**
 * Every stored entry of a proposal's chain, ordered by the `seq` column, each
 * rebuilt from the object that was hashed plus its stored hash. Nothing is
 * checked here: a gap or an altered row is listed as stored, for the verifier
 * (or anyone holding the listing) to find.
 */
export async function readLedger(db: Queryable, proposalId: string, afterSeq = 0): Promise<LedgerEntry[]> {
  const rows = await db
    .select({ entry: ledgerEntry.entry, hash: ledgerEntry.hash })
    .from(ledgerEntry)
    .where(and(eq(ledgerEntry.proposalId, proposalId), gt(ledgerEntry.seq, afterSeq)))
    .orderBy(asc(ledgerEntry.seq));
  // Fields spelled out in a fixed order: jsonb keeps its own key order, and a reader should see the same shape every time.
  return rows.map(({ entry, hash }) => ({
    v: entry.v,
    proposalId: entry.proposalId,
    seq: entry.seq,
    kind: entry.kind,
    actorId: entry.actorId,
    at: entry.at,
    data: entry.data,
    prev: entry.prev,
    hash,
  }));
}

/**
 * GET /api/proposals/:proposalId/ledger: the chain and its head, for members
 * of the proposal's assembly; with `afterSeq`, only the entries after that
 * one (every proposal event names its entry's seq, so a client that missed
 * events reads what happened meanwhile), the head still the chain's last.
 */
export async function getLedger(db: Queryable, userId: string, proposalId: string, afterSeq?: number): Promise<LedgerListing> {
  await requireProposalReader(db, userId, proposalId);
  const entries = await readLedger(db, proposalId, afterSeq);
  const [last] =
    afterSeq === undefined || entries.length > 0
      ? entries.slice(-1)
      : await db
          .select({ seq: ledgerEntry.seq, hash: ledgerEntry.hash })
          .from(ledgerEntry)
          .where(eq(ledgerEntry.proposalId, proposalId))
          .orderBy(desc(ledgerEntry.seq))
          .limit(1);
  return { entries, head: last ? { seq: last.seq, hash: last.hash } : null };
}
