import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { createElement, Fragment, type ReactNode } from 'react';
import type { PassageRange } from '@/app/_lib/record-passages';

/** The rendered text and the ids of the passages it holds an anchor for. */
export interface RenderedProse {
  content: ReactNode;
  placed: ReadonlySet<string>;
}

interface Walk {
  /** Offset in the linear text (core/text-linear.ts) of the next character. */
  offset: number;
  textblocks: number;
  passages: readonly PassageRange[];
  placed: Set<string>;
  key: number;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** A link's target when it is a web or mail address; anything else (javascript:, data:) is dropped. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    return SAFE_SCHEMES.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

/**
 * The record's final text as React elements, read-only: each node and mark
 * of the text schema (core/text-schema.ts) mapped to its element, text left
 * to React (which escapes it), no HTML string anywhere. Passages quoted by
 * minority reports (offsets in the same linear reading that anchors use)
 * are wrapped in <mark>, the first piece of each carrying its id, so that a
 * report can link to its words. Headings sit two levels below the page's.
 */
export function renderProse(doc: PMNode, passages: readonly PassageRange[] = []): RenderedProse {
  const walk: Walk = { offset: 0, textblocks: 0, passages: passages.filter((p) => p.end > p.start), placed: new Set(), key: 0 };
  const content = blockChildren(doc, walk);
  return { content, placed: walk.placed };
}

function blockChildren(node: PMNode, walk: Walk): ReactNode[] {
  const out: ReactNode[] = [];
  node.forEach((child) => out.push(block(child, walk)));
  return out;
}

function block(node: PMNode, walk: Walk): ReactNode {
  const key = walk.key++;
  if (node.isTextblock) {
    // Textblocks are separated by one '\n' in the linear text.
    if (walk.textblocks > 0) walk.offset += 1;
    walk.textblocks += 1;
    const inline = inlineChildren(node, walk);
    if (node.type.name === 'heading') {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1) + 2);
      return createElement(`h${level}`, { key }, inline);
    }
    if (node.type.name === 'codeBlock') return createElement('pre', { key }, createElement('code', null, inline));
    return createElement('p', { key }, inline);
  }
  switch (node.type.name) {
    case 'blockquote':
      return createElement('blockquote', { key }, blockChildren(node, walk));
    case 'bulletList':
      return createElement('ul', { key }, blockChildren(node, walk));
    case 'orderedList': {
      const start = Number(node.attrs.start);
      return createElement('ol', { key, start: Number.isInteger(start) && start !== 1 ? start : undefined }, blockChildren(node, walk));
    }
    case 'listItem':
      return createElement('li', { key }, blockChildren(node, walk));
    case 'horizontalRule':
      return createElement('hr', { key });
    default:
      // A node this renderer does not know: keep its words rather than drop them.
      return createElement('div', { key }, blockChildren(node, walk));
  }
}

function inlineChildren(node: PMNode, walk: Walk): ReactNode[] {
  const out: ReactNode[] = [];
  node.forEach((child) => {
    const key = walk.key++;
    if (child.isText) {
      const text = child.text ?? '';
      out.push(withMarks(child.marks, passagePieces(text, walk), key));
      walk.offset += text.length;
    } else {
      // A hard break is '\n' in the linear text; any other inline leaf one U+FFFC.
      walk.offset += 1;
      if (child.type.name === 'hardBreak') out.push(createElement('br', { key }));
    }
  });
  return out;
}

/** A text node's words cut where passages start and end, the quoted pieces in <mark>. */
function passagePieces(text: string, walk: Walk): ReactNode[] {
  const from = walk.offset;
  const to = from + text.length;
  const relevant = walk.passages.filter((p) => p.start < to && p.end > from);
  if (relevant.length === 0) return [text];
  const cuts = new Set([from, to]);
  for (const p of relevant) {
    if (p.start > from) cuts.add(p.start);
    if (p.end < to) cuts.add(p.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const words = text.slice(a - from, b - from);
    const covering = relevant.filter((p) => p.start <= a && p.end >= b);
    if (covering.length === 0) {
      pieces.push(words);
      continue;
    }
    // Each passage's id goes on the first piece of it that is rendered; a second one starting here gets an empty anchor.
    const ids = covering.map((p) => p.id).filter((id) => !walk.placed.has(id));
    for (const id of ids) walk.placed.add(id);
    const [first, ...others] = ids;
    for (const id of others) pieces.push(createElement('span', { key: `${id}-anchor`, id }));
    pieces.push(createElement('mark', { key: `${a}`, id: first, className: 'record-passage' }, words));
  }
  return pieces;
}

function withMarks(marks: readonly Mark[], content: ReactNode[], key: number): ReactNode {
  let wrapped: ReactNode = content.length === 1 ? content[0] : content;
  // Innermost first, so that the outer marks (links usually) enclose the others.
  for (const mark of [...marks].reverse()) wrapped = markElement(mark, wrapped);
  return createElement(Fragment, { key }, wrapped);
}

function markElement(mark: Mark, content: ReactNode): ReactNode {
  switch (mark.type.name) {
    case 'bold':
      return createElement('strong', null, content);
    case 'italic':
      return createElement('em', null, content);
    case 'strike':
      return createElement('s', null, content);
    case 'underline':
      return createElement('u', null, content);
    case 'code':
      return createElement('code', null, content);
    case 'link': {
      const href = safeHref(mark.attrs.href);
      if (!href) return content;
      return createElement('a', { href, rel: 'noopener noreferrer nofollow', className: 'record-link' }, content);
    }
    default:
      return content;
  }
}
