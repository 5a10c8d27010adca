import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import {
  dissent,
  dissentReading,
  dissentReply,
  dissentRevision,
  dissentSignature,
  dissentWithdrawal,
  ledgerEntry,
  replyRetraction,
  replyRevision,
  user,
} from '../db/schema';

/** Everything stored about some dissents of one proposal, as rows. */
export interface DissentRows {
  dissents: (typeof dissent.$inferSelect & { authorName: string })[];
  revisions: (typeof dissentRevision.$inferSelect)[];
  withdrawals: (typeof dissentWithdrawal.$inferSelect)[];
  signatures: (typeof dissentSignature.$inferSelect & { userName: string })[];
  replies: (typeof dissentReply.$inferSelect & { authorName: string })[];
  replyRevisions: (typeof replyRevision.$inferSelect)[];
  retractions: (typeof replyRetraction.$inferSelect)[];
  /** The ledger position at which each dissent was filed. */
  filedAt: Map<string, number>;
}

/** Reads the rows of a proposal's dissents (all of them, or those in `dissentIds`), each in the order it was written. */
export async function loadDissentRows(db: Queryable, proposalId: string, dissentIds?: string[]): Promise<DissentRows> {
  const dissents = await db
    .select({ row: dissent, authorName: user.name })
    .from(dissent)
    .innerJoin(user, eq(user.id, dissent.authorId))
    .where(dissentIds ? and(eq(dissent.proposalId, proposalId), inArray(dissent.id, dissentIds)) : eq(dissent.proposalId, proposalId))
    .orderBy(asc(dissent.createdAt), asc(dissent.id));
  const ids = dissents.map((d) => d.row.id);
  if (ids.length === 0) {
    return { dissents: [], revisions: [], withdrawals: [], signatures: [], replies: [], replyRevisions: [], retractions: [], filedAt: new Map() };
  }
  const [revisions, withdrawals, signatures, replies, filed] = await Promise.all([
    db.select().from(dissentRevision).where(inArray(dissentRevision.dissentId, ids)).orderBy(asc(dissentRevision.revision)),
    db.select().from(dissentWithdrawal).where(inArray(dissentWithdrawal.dissentId, ids)),
    db
      .select({ row: dissentSignature, userName: user.name })
      .from(dissentSignature)
      .innerJoin(user, eq(user.id, dissentSignature.userId))
      .where(inArray(dissentSignature.dissentId, ids))
      .orderBy(asc(dissentSignature.id)),
    db
      .select({ row: dissentReply, authorName: user.name })
      .from(dissentReply)
      .innerJoin(user, eq(user.id, dissentReply.authorId))
      .where(inArray(dissentReply.dissentId, ids))
      .orderBy(asc(dissentReply.createdAt), asc(dissentReply.id)),
    db
      .select({ seq: ledgerEntry.seq, dissentId: sql<string>`${ledgerEntry.entry}->'data'->>'dissentId'` })
      .from(ledgerEntry)
      .where(and(eq(ledgerEntry.proposalId, proposalId), eq(ledgerEntry.kind, 'dissent.filed'))),
  ]);
  const replyIds = replies.map((r) => r.row.id);
  const [replyRevisions, retractions] =
    replyIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.select().from(replyRevision).where(inArray(replyRevision.replyId, replyIds)).orderBy(asc(replyRevision.revision)),
          db.select().from(replyRetraction).where(inArray(replyRetraction.replyId, replyIds)),
        ]);
  return {
    dissents: dissents.map((d) => ({ ...d.row, authorName: d.authorName })),
    revisions,
    withdrawals,
    signatures: signatures.map((s) => ({ ...s.row, userName: s.userName })),
    replies: replies.map((r) => ({ ...r.row, authorName: r.authorName })),
    replyRevisions,
    retractions,
    filedAt: new Map(filed.map((f) => [f.dissentId, f.seq])),
  };
}

/** The ledger position up to which a member has read a proposal's dissents (0: nothing read). */
export async function seenSeqOf(db: Queryable, proposalId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ seenSeq: dissentReading.seenSeq })
    .from(dissentReading)
    .where(and(eq(dissentReading.proposalId, proposalId), eq(dissentReading.userId, userId)));
  return row?.seenSeq ?? 0;
}

/** How many of a proposal's dissents stand (filed and not withdrawn). */
export async function countStanding(db: Queryable, proposalId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(dissent)
    .leftJoin(dissentWithdrawal, eq(dissentWithdrawal.dissentId, dissent.id))
    .where(and(eq(dissent.proposalId, proposalId), sql`${dissentWithdrawal.dissentId} is null`));
  return Number(row?.count ?? 0);
}
