import type { Queryable } from '../db/database';
import type { ReplyView } from '../../core/dissent-views';
import { loadDissentViews } from './dissent-views';

/** One reply as `viewerId` sees it, from its dissent's view. */
export async function loadReplyView(db: Queryable, viewerId: string, proposalId: string, dissentId: string, replyId: string): Promise<ReplyView> {
  const { dissents } = await loadDissentViews(db, viewerId, proposalId, [dissentId]);
  const reply = dissents[0]?.replies.find((r) => r.id === replyId);
  if (!reply) throw new Error(`reply ${replyId} vanished after its write`);
  return reply;
}
