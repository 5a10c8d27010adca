import { describe, expect, it } from 'vitest';
import { replyTree, type ReplyNode } from '../../app/_components/dissents/reply-tree';
import type { ReplyView } from '../../core/dissent-views';

function reply(id: string, parentReplyId: string | null): ReplyView {
  const at = '2026-11-26T10:00:00.000Z';
  return {
    id,
    dissentId: 'd',
    parentReplyId,
    author: { id: 'u', name: 'U' },
    body: id,
    bodyHtml: `<p>${id}</p>`,
    retracted: false,
    retractedAt: null,
    revision: 1,
    createdAt: at,
    revisedAt: at,
    mine: false,
  };
}

const shape = (nodes: ReplyNode[]): unknown[] => nodes.map((n) => [n.reply.id, shape(n.children)]);

describe('replyTree', () => {
  it('nests replies by parent, in posting order, at any depth', () => {
    const tree = replyTree([reply('a', null), reply('b', 'a'), reply('c', 'b'), reply('d', 'c'), reply('e', null), reply('f', 'a')]);
    expect(shape(tree)).toEqual([
      ['a', [['b', [['c', [['d', []]]]]], ['f', []]]],
      ['e', []],
    ]);
  });

  it('keeps a reply whose parent is unknown, or that names itself, at the top rather than losing it', () => {
    expect(shape(replyTree([reply('a', 'gone'), reply('b', 'b')]))).toEqual([
      ['a', []],
      ['b', []],
    ]);
  });
});
