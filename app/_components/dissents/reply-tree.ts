import type { ReplyView } from '@/core/dissent-views';

/** A reply with the replies to it, in posting order. */
export interface ReplyNode {
  reply: ReplyView;
  children: ReplyNode[];
}

/**
 * Nests a thread's flat replies (in posting order) by `parentReplyId`. A reply
 * whose parent is unknown (it should not happen) is kept at the top level
 * rather than lost.
 */
export function replyTree(replies: readonly ReplyView[]): ReplyNode[] {
  const nodes = new Map<string, ReplyNode>();
  for (const reply of replies) nodes.set(reply.id, { reply, children: [] });
  const roots: ReplyNode[] = [];
  for (const reply of replies) {
    const node = nodes.get(reply.id)!;
    const parent = reply.parentReplyId ? nodes.get(reply.parentReplyId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
