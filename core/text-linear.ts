import type { Node as PMNode } from '@tiptap/pm/model';

/** One textblock of a linearised document: where its content starts in both coordinates. */
interface LinearBlock {
  /** ProseMirror position of the block's first content position. */
  pos: number;
  /** Content size of the block (each inline position is one character of text). */
  size: number;
  /** Offset of the block's first character in {@link LinearText.text}. */
  offset: number;
}

/**
 * A document read as plain text: textblocks separated by '\n', hard breaks as
 * '\n', any other inline leaf as U+FFFC. Inside a textblock one character of
 * text is exactly one ProseMirror position (text nodes count UTF-16 units in
 * both, an inline leaf is one position and one character), so offsets and
 * positions convert by a shift per block. Block structure (headings, lists,
 * quotes) leaves no trace in the text: turning a paragraph into a heading or
 * a list item does not change it, which is what lets a quote re-anchor.
 */
export interface LinearText {
  readonly text: string;
  readonly blocks: readonly LinearBlock[];
}

/**
 * Linearisations of documents already read. ProseMirror nodes are immutable,
 * so a node reads the same every time: every anchor resolved against one
 * document (the server's list, the browser's highlights) shares one reading.
 */
const linearised = new WeakMap<PMNode, LinearText>();

/** Linearises a ProseMirror document (see {@link LinearText}); the same document is read once. */
export function linearText(doc: PMNode): LinearText {
  const known = linearised.get(doc);
  if (known) return known;
  const linear = readLinear(doc);
  linearised.set(doc, linear);
  return linear;
}

function readLinear(doc: PMNode): LinearText {
  const blocks: LinearBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) {
      parts.push('\n');
      offset += 1;
    }
    let text = '';
    node.forEach((child) => {
      if (child.isText) text += child.text ?? '';
      else text += child.type.name === 'hardBreak' ? '\n' : '\uFFFC';
    });
    blocks.push({ pos: pos + 1, size: node.content.size, offset });
    parts.push(text);
    offset += text.length;
    return false;
  });
  return { text: parts.join(''), blocks };
}

/**
 * The text offset of a ProseMirror position. A position inside a textblock
 * has exactly one offset; one between blocks (or in a non-text block) snaps
 * to the next textblock's start (`bias` 'forward', for the start of a range)
 * or to the previous one's end ('backward', for its end).
 */
export function textOffsetAt(linear: LinearText, pos: number, bias: 'forward' | 'backward'): number {
  const { blocks } = linear;
  if (blocks.length === 0) return 0;
  // Last block starting at or before pos.
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].pos <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0) {
    const block = blocks[found];
    if (pos <= block.pos + block.size) return block.offset + (pos - block.pos);
    if (bias === 'backward') return block.offset + block.size;
    const next = blocks[found + 1];
    return next ? next.offset : block.offset + block.size;
  }
  return bias === 'forward' ? blocks[0].offset : 0;
}

/** The ProseMirror position of a text offset (clamped to the text). */
export function positionAtOffset(linear: LinearText, offset: number): number {
  const { blocks } = linear;
  if (blocks.length === 0) return 0;
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const block = blocks[found];
  return block.pos + Math.max(0, Math.min(offset - block.offset, block.size));
}

/**
 * A bound on the work of resolving one anchor, in units of about one
 * character comparison. Searching and comparing text pay for their work
 * before doing it; what the budget cannot pay for is not done, and the
 * budget is marked exhausted, so that a hostile or just repetitive text
 * cannot make one anchor cost more than its limit. Reading the document
 * (linearising it, resolving the Yjs positions) is linear and outside it.
 */
export class WorkBudget {
  /** Units spent so far. */
  spent = 0;
  /** Whether some work was refused because it did not fit. */
  exhausted = false;

  constructor(readonly limit: number) {}

  /** Whether `units` more would stay within the limit (spends nothing). */
  fits(units: number): boolean {
    return !this.exhausted && this.spent + units <= this.limit;
  }

  /** Spends `units` when they fit; otherwise marks the budget exhausted and returns false. */
  spend(units: number): boolean {
    if (!this.fits(units)) {
      this.exhausted = true;
      return false;
    }
    this.spent += units;
    return true;
  }
}

/** A budget that never runs out, for direct calls that do not pass one. */
export const unlimitedBudget = () => new WorkBudget(Number.POSITIVE_INFINITY);

/**
 * Match lengths of `pattern` along `text[from, to)`, by the Z algorithm in
 * O(pattern + window): entry i is, reading 'forward', the length of the
 * longest common prefix of `pattern` and `text[from + i, to)`; reading
 * 'backward', the length of the longest common suffix of `pattern` and
 * `text[from, from + i)`. The array has `to - from + 1` entries; nothing
 * counts beyond the window. Null when the budget cannot pay for it.
 * Compares UTF-16 code units, as `indexOf` does.
 */
export function matchLengths(
  pattern: string,
  text: string,
  from: number,
  to: number,
  direction: 'forward' | 'backward',
  budget: WorkBudget,
): Int32Array | null {
  const width = Math.max(0, to - from);
  const p = pattern.length;
  const total = p + 1 + width;
  // The Z algorithm makes at most two comparisons per entry.
  if (!budget.spend(2 * total)) return null;
  const codes = new Int32Array(total);
  const forward = direction === 'forward';
  for (let i = 0; i < p; i += 1) codes[i] = pattern.charCodeAt(forward ? i : p - 1 - i);
  // A separator no code unit equals, so that no match runs from the pattern into the text.
  codes[p] = -1;
  for (let i = 0; i < width; i += 1) codes[p + 1 + i] = text.charCodeAt(forward ? from + i : to - 1 - i);
  const z = new Int32Array(total);
  let left = 0;
  let right = 0;
  for (let i = 1; i < total; i += 1) {
    let length = i < right ? Math.min(right - i, z[i - left]) : 0;
    while (i + length < total && codes[length] === codes[i + length]) length += 1;
    z[i] = length;
    if (i + length > right) {
      left = i;
      right = i + length;
    }
  }
  const lengths = new Int32Array(width + 1);
  for (let i = 0; i < width; i += 1) {
    // Backward, the common suffix ending at from + i starts at reversed index width - i.
    if (forward) lengths[i] = z[p + 1 + i];
    else lengths[i + 1] = z[p + 1 + (width - 1 - i)];
  }
  return lengths;
}

/**
 * Characters of a needle the engine's own search looks for. Any string
 * search compares at most the needle's length at each offset, so a needle
 * this short costs at most this many comparisons a character, whatever the
 * text; a longer needle can cost its length times the text's (V8 takes
 * 160 ms to look for a×500 b a×500 in a million a's).
 */
const PROBE = 8;

/**
 * Start offsets of the occurrences of a non-empty `needle` lying inside
 * `text[from, to)`, in order, at most `max` of them; null when the budget
 * cannot pay. The engine's search finds where the needle's first
 * {@link PROBE} characters occur (fast on prose) and each such place is
 * checked for the whole needle; when those checks would cost more than one
 * linear pass (a repetitive text, where the probe occurs everywhere), the
 * rest of the window is searched with the Z algorithm instead.
 */
export function occurrencesIn(
  text: string,
  needle: string,
  from: number,
  to: number,
  budget: WorkBudget,
  max = Number.POSITIVE_INFINITY,
): number[] | null {
  const found: number[] = [];
  const last = to - needle.length;
  if (needle.length === 0 || from > last) return found;
  const probe = needle.slice(0, PROBE);
  // Cut at the window's end, so that the engine's search does not run on past it.
  const haystack = to < text.length ? text.slice(0, to) : text;
  const linearPass = 2 * (needle.length + 1 + (to - from));
  let checks = 0;
  let at = from;
  while (found.length < max) {
    const hit = haystack.indexOf(probe, at);
    // Offsets the engine looked at: up to the hit, or all that the probe fits in.
    const scanned = (hit < 0 ? haystack.length - probe.length + 1 : hit + 1) - at;
    if (!budget.spend(probe.length * Math.max(1, scanned))) return null;
    if (hit < 0 || hit > last) return found;
    if (needle.length > probe.length) {
      checks += needle.length;
      if (checks > linearPass) break;
      if (!budget.spend(needle.length)) return null;
      if (!text.startsWith(needle, hit)) {
        at = hit + 1;
        continue;
      }
    }
    found.push(hit);
    at = hit + 1;
  }
  if (found.length >= max) return found;
  const lengths = matchLengths(needle, text, at, to, 'forward', budget);
  if (lengths === null) return null;
  for (let i = 0; i < lengths.length && found.length < max; i += 1) if (lengths[i] === needle.length) found.push(at + i);
  return found;
}
