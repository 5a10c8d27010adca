import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { requireParticipation } from '../../core/dissent-rules';
import { replyBodyHash } from '../../core/ledger-content';
import { refuse } from '../../core/refusals';
import type { PostReplyInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { dissentReply, replyRevision } from '../db/schema';
import { openDissent } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { appendLedgerEntry } from './ledger-writer';
import { loadReplyView } from './reply-view';

/** Posts a reply in a dissent's thread, to the dissent or to another reply of the same thread. Any member may. */
export async function postReply(db: Db, actorId: string, dissentId: string, input: PostReplyInput) {
  const { proposalId, assemblyId, replyId, entry } = await db.transaction(async (tx) => {
    const opened = await openDissent(tx, dissentId, actorId);
    requireParticipation(opened.role, opened.proposal.status);
    if (input.parentReplyId) {
      const [parent] = await tx
        .select({ id: dissentReply.id })
        .from(dissentReply)
        .where(and(eq(dissentReply.id, input.parentReplyId), eq(dissentReply.dissentId, dissentId)));
      if (!parent) throw refuse('REPLY_NOT_FOUND', { message: 'The reply you answer is not in this thread.' });
    }
    const replyId = randomUUID();
    await tx.insert(dissentReply).values({ id: replyId, dissentId, parentReplyId: input.parentReplyId, authorId: actorId });
    await tx.insert(replyRevision).values({ replyId, revision: 1, body: input.body });
    const entry = await appendLedgerEntry(tx, {
      proposalId: opened.proposal.id,
      kind: 'reply.posted',
      actorId,
      data: { replyId, dissentId, parentReplyId: input.parentReplyId, revision: 1, contentHash: replyBodyHash(input.body) },
    });
    return { proposalId: opened.proposal.id, assemblyId: opened.proposal.assemblyId, replyId, entry };
  });
  await announceDissentChange(db, { type: 'reply.posted', assemblyId, proposalId, dissentId, replyId, actorId, entry }, false);
  return loadReplyView(db, actorId, proposalId, dissentId, replyId);
}
