import { desc, eq } from 'drizzle-orm';
import { entryHash, type LedgerEntry, type LedgerEntryBody, type LedgerHead, type LedgerKind } from '../../core/ledger';
import type { Queryable } from '../db/database';
import { ledgerEntry, proposal } from '../db/schema';
import { refuse } from '../../core/refusals';

/** A proposal row, locked for the rest of the transaction. */
export type LockedProposal = typeof proposal.$inferSelect;

/**
 * Locks a proposal's row (SELECT … FOR NO KEY UPDATE) for the rest of the
 * transaction. Every ledger append happens under this lock, so that two
 * writers on PostgreSQL cannot both read the same head and fork the chain;
 * services take it first, so that their rule checks see a settled state too.
 * Not FOR UPDATE: that would conflict with the key-share lock each text update
 * takes through its foreign key, and stall the sync server's commits meanwhile.
 */
export async function lockProposal(tx: Queryable, proposalId: string): Promise<LockedProposal> {
  const [row] = await tx.select().from(proposal).where(eq(proposal.id, proposalId)).for('no key update');
  if (!row) throw refuse('PROPOSAL_NOT_FOUND');
  return row;
}

/** The last entry of a proposal's chain, or null while it is empty. */
export async function readLedgerHead(db: Queryable, proposalId: string): Promise<LedgerHead | null> {
  const [head] = await db
    .select({ seq: ledgerEntry.seq, hash: ledgerEntry.hash })
    .from(ledgerEntry)
    .where(eq(ledgerEntry.proposalId, proposalId))
    .orderBy(desc(ledgerEntry.seq))
    .limit(1);
  return head ?? null;
}

/** What a use case records; the writer adds the position, time and link. */
export interface LedgerRecord {
  proposalId: string;
  kind: LedgerKind;
  actorId: string;
  data: LedgerEntryBody['data'];
}

/**
 * Appends an entry to a proposal's chain, inside the caller's transaction,
 * which must hold {@link lockProposal} on the proposal.
 */
export async function appendLedgerEntry(tx: Queryable, record: LedgerRecord): Promise<LedgerEntry> {
  const head = await readLedgerHead(tx, record.proposalId);
  const body: LedgerEntryBody = {
    v: 1,
    proposalId: record.proposalId,
    seq: (head?.seq ?? 0) + 1,
    kind: record.kind,
    actorId: record.actorId,
    at: new Date().toISOString(),
    data: record.data,
    prev: head?.hash ?? null,
  };
  const hash = entryHash(body);
  await tx.insert(ledgerEntry).values({ proposalId: body.proposalId, seq: body.seq, kind: body.kind, entry: body, hash });
  return { ...body, hash };
}
