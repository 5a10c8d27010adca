import type { Node as PMNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * y-tiptap's map from Yjs types to the ProseMirror nodes they render as (its
 * ProsemirrorMapping, which the package does not export by name): the
 * binding's `mapping` in the browser, `initProseMirrorDoc(...).mapping` on the server.
 */
export type ProsemirrorMapping = Map<Y.AbstractType<any>, PMNode | PMNode[]>;

/** How a passage edge sticks to its neighbouring character (Yjs `assoc`). */
export type EdgeAssoc = 'start' | 'end';

/**
 * Yjs assoc of each edge. The start sticks to the passage's first character
 * (assoc 0: the character to its right) and the end to its last one
 * (assoc -1: the character to its left), so text typed at either edge, just
 * outside the passage, stays outside it, while text typed inside follows it.
 */
const ASSOC: Record<EdgeAssoc, number> = { start: 0, end: -1 };

/** A Yjs position resolved to a ProseMirror position, or why it could not be. */
export type ResolvedEdge =
  | { pos: number }
  /** Orphaned or unknown; `near` is where its deleted element stood, when that is known (a tie-break hint). */
  | { pos: null; near: number | null };

/** Whether `type` is `fragment` or inside it, with no deleted element on the way up. */
function isLiveWithin(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current !== null && current !== fragment) {
    const item: Y.Item | null = current._item;
    if (item === null || item.deleted) return false;
    current = item.parent as Y.AbstractType<unknown> | null;
  }
  return current === fragment;
}

/** ProseMirror size of one child of an element, or null when the mapping does not know it. */
function childSize(child: Y.AbstractType<unknown>, mapping: ProsemirrorMapping): number | null {
  if (child instanceof Y.XmlText) return child._length;
  const node = mapping.get(child);
  return node && !Array.isArray(node) ? node.nodeSize : null;
}

/** Sum of the ProseMirror sizes of the live children of `parent` left of `stop` (or of its first `count`). */
function sizeBefore(
  parent: Y.AbstractType<unknown>,
  mapping: ProsemirrorMapping,
  stop: { item: Y.Item } | { count: number },
): number | null {
  let size = 0;
  let seen = 0;
  for (let item = parent._start; item !== null; item = item.right) {
    if ('item' in stop ? item === stop.item : seen >= stop.count) break;
    if (item.deleted || !item.countable) continue;
    const type = (item.content as Y.ContentType).type as Y.AbstractType<unknown> | undefined;
    if (!type) return null;
    const childSizeValue = childSize(type, mapping);
    if (childSizeValue === null) return null;
    size += childSizeValue;
    seen += 1;
  }
  return size;
}

/**
 * The ProseMirror position of index `index` inside a live Yjs type of the
 * text. Same arithmetic as y-tiptap's relativePositionToAbsolutePosition,
 * but from an already resolved (type, index): that function follows undone
 * deletions, which only the browser that pressed undo knows about, and it
 * refuses any position at the document's first character.
 */
function pmPosition(type: Y.AbstractType<unknown>, index: number, fragment: Y.XmlFragment, mapping: ProsemirrorMapping): number | null {
  let pos: number;
  if (type instanceof Y.XmlText) pos = index;
  else {
    const inside = sizeBefore(type, mapping, { count: index });
    if (inside === null) return null;
    pos = inside + 1;
  }
  let current = type;
  while (current !== fragment) {
    const item = current._item as Y.Item;
    const parent = item.parent as Y.AbstractType<unknown>;
    const before = sizeBefore(parent, mapping, { item });
    if (before === null) return null;
    pos += 1 + before;
    current = parent;
  }
  return pos - 1;
}

/** Where a deleted element stood: the position before it in its nearest live ancestor. */
function orphanHint(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment, mapping: ProsemirrorMapping): number | null {
  let current: Y.AbstractType<unknown> = type;
  for (;;) {
    const item = current._item;
    if (item === null) return null;
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (parent === null) return null;
    if (isLiveWithin(parent, fragment)) {
      const before = sizeBefore(parent, mapping, { item });
      if (before === null) return null;
      const parentPos = parent === fragment ? 0 : pmPosition(parent, 0, fragment, mapping);
      return parentPos === null ? null : parentPos + before;
    }
    current = parent;
  }
}

/** The Yjs type and index a relative position stands for, without following undone deletions. */
function absoluteOf(rpos: Y.RelativePosition, doc: Y.Doc, fragment: Y.XmlFragment): Y.AbsolutePosition | null {
  // A root name other than the text's would make Yjs create that root type as a side effect.
  if (rpos.tname !== null && (doc.share.get(rpos.tname) as unknown) !== fragment) return null;
  try {
    // followUndoneDeletions = false: the server and other browsers do not know what an undo
    // re-created, so following it would make one browser's answer differ from everyone else's.
    return Y.createAbsolutePositionFromRelativePosition(rpos, doc, false);
  } catch {
    return null;
  }
}

/**
 * Resolves a relative position against a Y document and the ProseMirror
 * mapping of its text. It is orphaned (pos null) when it names content the
 * document does not have or that was garbage-collected, or when it lies
 * inside an element that was deleted, which is what a structural edit
 * (re-creating a paragraph as a heading) does.
 */
export function resolveRelative(doc: Y.Doc, fragment: Y.XmlFragment, mapping: ProsemirrorMapping, rpos: Y.RelativePosition): ResolvedEdge {
  const absolute = absoluteOf(rpos, doc, fragment);
  if (absolute === null) return { pos: null, near: null };
  if (!isLiveWithin(absolute.type as Y.AbstractType<unknown>, fragment)) {
    return { pos: null, near: orphanHint(absolute.type as Y.AbstractType<unknown>, fragment, mapping) };
  }
  const pos = pmPosition(absolute.type as Y.AbstractType<unknown>, absolute.index, fragment, mapping);
  return pos === null ? { pos: null, near: null } : { pos };
}

/**
 * A relative position for a ProseMirror position, with the assoc of the
 * passage edge it is for. y-tiptap finds the Yjs type and index (the same
 * walk the collaboration cursor uses); the position is then made again with
 * the edge's assoc, since y-tiptap always associates to the left.
 */
export function relativeAt(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
  pos: number,
  edge: EdgeAssoc,
): Y.RelativePosition | null {
  let leftBound: Y.RelativePosition;
  try {
    leftBound = absolutePositionToRelativePosition(pos, fragment, mapping) as Y.RelativePosition;
  } catch {
    return null;
  }
  const absolute = absoluteOf(leftBound, doc, fragment);
  if (absolute === null) return null;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, ASSOC[edge]);
}
