import { requireParticipation, requireReplyAuthor } from '../../core/dissent-rules';
import { refuse } from '../../core/refusals';
import type { Db } from '../db/database';
import { replyRetraction } from '../db/schema';
import { openReply } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { appendLedgerEntry } from './ledger-writer';
import { loadReplyView } from './reply-view';

/** Retracts a reply: its author only. It stays in the thread as a tombstone; its revisions stay in the history. */
export async function retractReply(db: Db, actorId: string, replyId: string) {
  const { proposalId, assemblyId, dissentId, entry } = await db.transaction(async (tx) => {
    const opened = await openReply(tx, replyId, actorId);
    requireReplyAuthor(opened.reply, actorId);
    requireParticipation(opened.role, opened.proposal.status);
    if (opened.retracted) throw refuse('REPLY_RETRACTED');
    await tx.insert(replyRetraction).values({ replyId });
    const entry = await appendLedgerEntry(tx, { proposalId: opened.proposal.id, kind: 'reply.retracted', actorId, data: { replyId } });
    return { proposalId: opened.proposal.id, assemblyId: opened.proposal.assemblyId, dissentId: opened.reply.dissentId, entry };
  });
  await announceDissentChange(db, { type: 'reply.retracted', assemblyId, proposalId, dissentId, replyId, actorId, entry }, false);
  return loadReplyView(db, actorId, proposalId, dissentId, replyId);
}
