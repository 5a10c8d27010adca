import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { dissent, dissentReply } from '../db/schema';
import { refuse } from '../../core/refusals';
import { readableProposal } from './dissent-guard';
import { loadDissentViews } from './dissent-views';
import { renderMarkdown } from './render-markdown';

/**
 * One reply with every revision of its words, oldest first. A retracted
 * reply's revisions stay readable here: the tombstone hides the words in the
 * thread, the history keeps them.
 */
export async function getReply(db: Db, userId: string, replyId: string) {
  const [row] = await db
    .select({ proposalId: dissent.proposalId, dissentId: dissent.id })
    .from(dissentReply)
    .innerJoin(dissent, eq(dissent.id, dissentReply.dissentId))
    .where(eq(dissentReply.id, replyId));
  if (!row) throw refuse('REPLY_NOT_FOUND');
  await readableProposal(db, row.proposalId, userId, 'REPLY_NOT_FOUND');
  const { dissents, rows } = await loadDissentViews(db, userId, row.proposalId, [row.dissentId]);
  const reply = dissents[0]?.replies.find((r) => r.id === replyId);
  if (!reply) throw refuse('REPLY_NOT_FOUND');
  const revisions = rows.replyRevisions
    .filter((r) => r.replyId === replyId)
    .map((r) => ({ revision: r.revision, body: r.body, bodyHtml: renderMarkdown(r.body), createdAt: r.createdAt.toISOString() }));
  return { ...reply, revisions };
}
