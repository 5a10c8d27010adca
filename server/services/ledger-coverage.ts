import { eq, inArray } from 'drizzle-orm';
import type { LedgerEntry } from '../../core/ledger';
import type { Queryable } from '../db/database';
import { dissent, dissentReply, dissentRevision, dissentSignature, dissentWithdrawal, replyRetraction, replyRevision } from '../db/schema';
import { roundKeys, roundRows } from './ledger-coverage-rounds';

/** A stored row that no ledger entry records. */
export interface UnrecordedRow {
  table: string;
  id: string;
}

/**
 * The first row of a proposal's record (dissents, replies, signatures, and the
 * rounds: status changes, versions, decisions, stances, motions) that the
 * ledger does not record as it is, made by the person the row says: the
 * triggers stop rows from being changed or removed, but an INSERT behind the
 * ledger's back (a forged revision, withdrawal or stance) must not pass
 * verification either. Returns undefined when every row has its entry.
 */
export async function findUnrecordedRow(db: Queryable, proposalId: string, entries: readonly LedgerEntry[]): Promise<UnrecordedRow | undefined> {
  const rounds = await findUnrecordedRoundRow(db, proposalId, entries);
  if (rounds) return rounds;
  const recorded = new Set<string>();
  for (const { kind, actorId, data } of entries) {
    const d = data as Record<string, unknown>;
    if (kind === 'dissent.filed') recorded.add(`dissent:${d.dissentId}:${actorId}`).add(`dissent_revision:${d.dissentId}#1:${actorId}`);
    if (kind === 'dissent.revised') recorded.add(`dissent_revision:${d.dissentId}#${d.revision}:${actorId}`);
    if (kind === 'dissent.withdrawn') recorded.add(`dissent_withdrawal:${d.dissentId}:${actorId}`);
    if (kind === 'dissent.signed') recorded.add(`dissent_signature:${d.signatureId}:sign:${actorId}`);
    if (kind === 'dissent.signature_withdrawn') recorded.add(`dissent_signature:${d.signatureId}:unsign:${actorId}`);
    if (kind === 'reply.posted') recorded.add(`dissent_reply:${d.replyId}:${actorId}`).add(`reply_revision:${d.replyId}#1:${actorId}`);
    if (kind === 'reply.revised') recorded.add(`reply_revision:${d.replyId}#${d.revision}:${actorId}`);
    if (kind === 'reply.retracted') recorded.add(`reply_retraction:${d.replyId}:${actorId}`);
  }

  const dissents = await db.select().from(dissent).where(eq(dissent.proposalId, proposalId));
  const authorOf = new Map(dissents.map((row) => [row.id, row.authorId]));
  const dissentIds = [...authorOf.keys()];
  if (dissentIds.length === 0) return undefined;
  const [revisions, withdrawals, signatures, replies] = await Promise.all([
    db.select().from(dissentRevision).where(inArray(dissentRevision.dissentId, dissentIds)),
    db.select().from(dissentWithdrawal).where(inArray(dissentWithdrawal.dissentId, dissentIds)),
    db.select().from(dissentSignature).where(inArray(dissentSignature.dissentId, dissentIds)),
    db.select().from(dissentReply).where(inArray(dissentReply.dissentId, dissentIds)),
  ]);
  const replyAuthorOf = new Map(replies.map((row) => [row.id, row.authorId]));
  const replyIds = [...replyAuthorOf.keys()];
  const [replyRevisions, retractions] =
    replyIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.select().from(replyRevision).where(inArray(replyRevision.replyId, replyIds)),
          db.select().from(replyRetraction).where(inArray(replyRetraction.replyId, replyIds)),
        ]);

  // Each row, with the key its entry would have added: the actor must be the row's author (or signer).
  const expected: [UnrecordedRow, string][] = [
    ...dissents.map((r): [UnrecordedRow, string] => [{ table: 'dissent', id: r.id }, `dissent:${r.id}:${r.authorId}`]),
    ...revisions.map((r): [UnrecordedRow, string] => [
      { table: 'dissent_revision', id: `${r.dissentId}#${r.revision}` },
      `dissent_revision:${r.dissentId}#${r.revision}:${authorOf.get(r.dissentId)}`,
    ]),
    ...withdrawals.map((r): [UnrecordedRow, string] => [
      { table: 'dissent_withdrawal', id: r.dissentId },
      `dissent_withdrawal:${r.dissentId}:${authorOf.get(r.dissentId)}`,
    ]),
    ...signatures.map((r): [UnrecordedRow, string] => [
      { table: 'dissent_signature', id: String(r.id) },
      `dissent_signature:${r.id}:${r.action}:${r.userId}`,
    ]),
    ...replies.map((r): [UnrecordedRow, string] => [{ table: 'dissent_reply', id: r.id }, `dissent_reply:${r.id}:${r.authorId}`]),
    ...replyRevisions.map((r): [UnrecordedRow, string] => [
      { table: 'reply_revision', id: `${r.replyId}#${r.revision}` },
      `reply_revision:${r.replyId}#${r.revision}:${replyAuthorOf.get(r.replyId)}`,
    ]),
    ...retractions.map((r): [UnrecordedRow, string] => [
      { table: 'reply_retraction', id: r.replyId },
      `reply_retraction:${r.replyId}:${replyAuthorOf.get(r.replyId)}`,
    ]),
  ];
  return expected.find(([, key]) => !recorded.has(key))?.[0];
}

/** The first round row whose entry is missing; each entry vouches for one row (a multiset, since rows may repeat). */
async function findUnrecordedRoundRow(db: Queryable, proposalId: string, entries: readonly LedgerEntry[]): Promise<UnrecordedRow | undefined> {
  const available = new Map<string, number>();
  for (const key of roundKeys(entries)) available.set(key, (available.get(key) ?? 0) + 1);
  for (const [row, key] of await roundRows(db, proposalId)) {
    const left = available.get(key) ?? 0;
    if (left === 0) return row;
    available.set(key, left - 1);
  }
  return undefined;
}
