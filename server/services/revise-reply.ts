import { desc, eq } from 'drizzle-orm';
import { requireParticipation, requireReplyAuthor } from '../../core/dissent-rules';
import { replyBodyHash } from '../../core/ledger-content';
import { refuse } from '../../core/refusals';
import type { ReviseReplyInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { replyRevision } from '../db/schema';
import { openReply } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { appendLedgerEntry } from './ledger-writer';
import { loadReplyView } from './reply-view';

/** Adds a revision to a reply: its author only; earlier revisions stay. */
export async function reviseReply(db: Db, actorId: string, replyId: string, input: ReviseReplyInput) {
  const { proposalId, assemblyId, dissentId, entry } = await db.transaction(async (tx) => {
    const opened = await openReply(tx, replyId, actorId);
    requireReplyAuthor(opened.reply, actorId);
    requireParticipation(opened.role, opened.proposal.status);
    if (opened.retracted) throw refuse('REPLY_RETRACTED');
    const [latest] = await tx
      .select()
      .from(replyRevision)
      .where(eq(replyRevision.replyId, replyId))
      .orderBy(desc(replyRevision.revision))
      .limit(1);
    if (latest && latest.body === input.body) throw refuse('REVISION_UNCHANGED');
    const revision = (latest?.revision ?? 0) + 1;
    await tx.insert(replyRevision).values({ replyId, revision, body: input.body });
    const entry = await appendLedgerEntry(tx, {
      proposalId: opened.proposal.id,
      kind: 'reply.revised',
      actorId,
      data: { replyId, revision, contentHash: replyBodyHash(input.body) },
    });
    return { proposalId: opened.proposal.id, assemblyId: opened.proposal.assemblyId, dissentId: opened.reply.dissentId, entry };
  });
  await announceDissentChange(db, { type: 'reply.revised', assemblyId, proposalId, dissentId, replyId, actorId, entry }, false);
  return loadReplyView(db, actorId, proposalId, dissentId, replyId);
}
