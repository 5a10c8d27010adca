import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { linearText, occurrencesIn, positionAtOffset, textOffsetAt, type WorkBudget } from './text-linear';
import { relativeAt, resolveRelative, type ProsemirrorMapping, type ResolvedEdge } from './text-position';
import { anchorBudget, findEditedQuote, findQuote, survivingFraction, type PassageRange, type Quote } from './text-quote';

export { linearText, WorkBudget, type LinearText } from './text-linear';
export { anchorBudget, locateQuote, quoteAt, type PassageRange, type Quote } from './text-quote';
export type { ProsemirrorMapping } from './text-position';

/**
 * A Y document's text as ProseMirror reads it. In the browser: the session's
 * Y.Doc, its 'default' fragment, the editor's `state.doc` and the binding's
 * mapping (`ySyncPluginKey.getState(state).binding.mapping`); on the server:
 * the committed document read with y-tiptap's `initProseMirrorDoc`.
 */
export interface AnchorContext {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  pmDoc: PMNode;
  mapping: ProsemirrorMapping;
}

/** A stored anchor: the edges as encoded Yjs relative positions (base64 or bytes) and the quote. */
export interface PassageAnchor {
  start: string | Uint8Array | null;
  end: string | Uint8Array | null;
  quote: Quote | null;
}

/**
 * Where an anchor's passage is now. 'present': its positions still hold (the
 * passage may have been edited inside); 'reanchored': they were orphaned and
 * the quote found the passage again; 'removed': the text is gone.
 */
export type PassageState = { passage: 'present' | 'reanchored'; from: number; to: number } | { passage: 'removed' };

/**
 * Share of a quote that must survive, in order, between resolved positions
 * for them to count as the passage. Below it, what lies between them is
 * mostly other text (say, words someone typed into a passage another person
 * deleted at the same time), and the quote decides instead.
 */
export const SURVIVING_SHARE = 0.5;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as base64 (btoa: the same in browsers and Node, no Buffer). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes strict base64, or null when the string is not base64. */
export function base64ToBytes(value: string): Uint8Array | null {
  if (!BASE64.test(value)) return null;
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes an encoded relative position (base64 or bytes), or null for anything that is not one. */
export function decodeRelative(value: string | Uint8Array | null): Y.RelativePosition | null {
  if (value === null) return null;
  const bytes = typeof value === 'string' ? base64ToBytes(value) : value;
  if (bytes === null || bytes.length === 0) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/**
 * The two encoded relative positions (base64) of a passage selected in the
 * browser, ready to send when filing a dissent; null for an empty or
 * reversed range or a position the mapping cannot place. The start sticks to
 * the passage's first character and the end to its last, so typing at its
 * edges does not widen it (see text-position.ts).
 */
export function positionsToRelative(
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
  from: number,
  to: number,
): { start: string; end: string } | null {
  const doc = fragment.doc;
  if (doc === null || !(from < to)) return null;
  const start = relativeAt(doc, fragment, mapping, from, 'start');
  const end = relativeAt(doc, fragment, mapping, to, 'end');
  if (start === null || end === null) return null;
  return { start: bytesToBase64(Y.encodeRelativePosition(start)), end: bytesToBase64(Y.encodeRelativePosition(end)) };
}

/**
 * Resolves an anchor's encoded positions to a ProseMirror range in the
 * context's text, with the text offsets of that range; null when either edge
 * is orphaned or the range is empty or reversed. `near` is a position hint
 * for the quote when an edge is orphaned.
 */
export function resolvePositions(
  context: AnchorContext,
  start: string | Uint8Array | null,
  end: string | Uint8Array | null,
): { range: PassageRange | null; near: number | undefined } {
  const startPos = decodeRelative(start);
  const endPos = decodeRelative(end);
  const from = startPos ? resolveRelative(context.doc, context.fragment, context.mapping, startPos) : null;
  const to = endPos ? resolveRelative(context.doc, context.fragment, context.mapping, endPos) : null;
  const hint = (edge: ResolvedEdge | null) => (edge === null ? null : edge.pos ?? edge.near);
  const near = hint(from) ?? hint(to) ?? undefined;
  if (from?.pos == null || to?.pos == null || from.pos >= to.pos) return { range: null, near };
  return { range: { from: from.pos, to: to.pos }, near };
}

/**
 * Where an anchor's passage is in the context's text.
 *
 * 1. The positions decide when both resolve into live elements and give a
 *    non-empty range. If that range reads exactly as the quote, or holds at
 *    least {@link SURVIVING_SHARE} of it in order, it is the passage, edits
 *    inside it included: 'present'. If instead an exact occurrence of the
 *    quote overlaps the range (an edge drifted, as when undo re-creates a
 *    deleted first character), that occurrence is the passage: 'present'.
 * 2. Otherwise the quote is looked for (see findQuote in text-quote.ts),
 *    near where the positions pointed, and failing that the text between
 *    its context, if it still holds {@link SURVIVING_SHARE} of the quote
 *    (findEditedQuote: a passage edited, then orphaned): 'reanchored'.
 * 3. Otherwise 'removed', which is also the answer when `budget` (by
 *    default {@link anchorBudget}: linear in the text's and the quote's
 *    lengths) runs out first.
 *
 * Nothing here depends on which replica runs it (undone deletions are not
 * followed, and the budget depends only on the lengths), so the browser's
 * highlight and the server's answer agree on the same document.
 */
export function resolveAnchor(context: AnchorContext, anchor: PassageAnchor, budget?: WorkBudget): PassageState {
  const linear = linearText(context.pmDoc);
  const { range, near } = resolvePositions(context, anchor.start, anchor.end);
  const quote = anchor.quote;
  const work = budget ?? anchorBudget(linear.text.length, quote);
  if (range) {
    const startOffset = textOffsetAt(linear, range.from, 'forward');
    const endOffset = textOffsetAt(linear, range.to, 'backward');
    if (startOffset < endOffset) {
      const current = linear.text.slice(startOffset, endOffset);
      const present = (from: number, to: number): PassageState => ({
        passage: 'present',
        from: positionAtOffset(linear, from),
        to: positionAtOffset(linear, to),
      });
      if (quote === null || current === quote.exact) return present(startOffset, endOffset);
      const overlapping = overlappingOccurrence(linear.text, quote.exact, startOffset, endOffset, work);
      if (overlapping !== null) return present(overlapping, overlapping + quote.exact.length);
      if (survivingFraction(quote.exact, current, work) >= SURVIVING_SHARE) return present(startOffset, endOffset);
    }
  }
  if (quote === null || quote.exact.length === 0) return { passage: 'removed' };
  const nearOffset = near === undefined ? undefined : textOffsetAt(linear, near, 'forward');
  const match = findQuote(linear, quote, nearOffset, work) ?? findEditedQuote(linear, quote, SURVIVING_SHARE, nearOffset, work);
  if (match === null || work.exhausted) return { passage: 'removed' };
  return { passage: 'reanchored', from: positionAtOffset(linear, match.start), to: positionAtOffset(linear, match.end) };
}

/**
 * The start of an occurrence of `exact` that overlaps [start, end) most (the
 * first of equals), or null. One linear pass over the range widened by the
 * quote's length finds them all, however many there are.
 */
function overlappingOccurrence(text: string, exact: string, start: number, end: number, budget: WorkBudget): number | null {
  if (exact.length === 0) return null;
  const from = Math.max(0, start - exact.length + 1);
  const to = Math.min(text.length, end + exact.length - 1);
  let best: number | null = null;
  let bestOverlap = 0;
  for (const at of occurrencesIn(text, exact, from, to, budget) ?? []) {
    const overlap = Math.min(end, at + exact.length) - Math.max(start, at);
    if (overlap > bestOverlap) {
      best = at;
      bestOverlap = overlap;
    }
  }
  return best;
}
