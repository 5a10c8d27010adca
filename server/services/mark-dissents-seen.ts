import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { dissentReading } from '../db/schema';
import { readableProposal } from './dissent-guard';
import { readLedgerHead } from './ledger-writer';

/**
 * Records that the caller has read a proposal's dissents up to ledger
 * position `seq` (capped at the head; never moves backwards), for "new to me".
 */
export async function markDissentsSeen(db: Db, userId: string, proposalId: string, seq: number): Promise<void> {
  await readableProposal(db, proposalId, userId);
  const head = await readLedgerHead(db, proposalId);
  const seenSeq = Math.min(seq, head?.seq ?? 0);
  await db
    .insert(dissentReading)
    .values({ proposalId, userId, seenSeq })
    .onConflictDoUpdate({
      target: [dissentReading.proposalId, dissentReading.userId],
      set: { seenSeq: sql`greatest(${dissentReading.seenSeq}, excluded.seen_seq)`, updatedAt: sql`now()` },
    });
}
