import type { Node as PMNode } from '@tiptap/pm/model';
import { linearText, positionAtOffset, textOffsetAt, type LinearText } from './text-linear';

/** A quote selector: the passage's text with up to {@link QUOTE_CONTEXT} characters before and after it. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A passage as ProseMirror positions. */
export interface PassageRange {
  from: number;
  to: number;
}

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;

/**
 * A quote shorter than this needs matching context to re-anchor: a short
 * common phrase ("the council") found elsewhere in the text is more likely
 * another passage than the one a dissent was about.
 */
export const DISTINCTIVE_LENGTH = 24;

/** Characters of context that must match for a short quote to re-anchor (or all the context it had). */
export const MIN_CONTEXT_MATCH = 8;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The quote of a range of text offsets; context stops at the text's ends and never splits a surrogate pair. */
export function quoteOfOffsets(text: string, start: number, end: number): Quote {
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return { exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

/**
 * The quote selector of the passage between two ProseMirror positions, read
 * on the linearised text (so a passage may span blocks; their boundary reads
 * as '\n'). Positions between blocks snap inwards to the nearest text.
 */
export function quoteAt(doc: PMNode, from: number, to: number, linear: LinearText = linearText(doc)): Quote {
  const start = textOffsetAt(linear, from, 'forward');
  const end = Math.max(start, textOffsetAt(linear, to, 'backward'));
  return quoteOfOffsets(linear.text, start, end);
}

/** Length of the common suffix of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

/** Length of the common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** All start offsets of `needle` in `text` (overlapping ones included). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** A candidate occurrence of a quote, in text offsets, with how well its context matches. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Characters of the quote's prefix and suffix that match the text around the occurrence. */
  context: number;
}

/**
 * Finds a quote in linearised text. Only exact occurrences of `exact` count.
 * They are ranked by how many characters of the stored prefix (read
 * backwards) and suffix (read forwards) match the text around them, then by
 * nearness to `nearOffset`, then by order. An occurrence whose context does
 * not match at least {@link MIN_CONTEXT_MATCH} characters (or all the
 * context the quote had, at the text's ends) is accepted only when the quote
 * is at least {@link DISTINCTIVE_LENGTH} characters long; otherwise a short
 * common word would jump to an unrelated passage, and "removed" is the more
 * honest answer.
 */
export function findQuote(linear: LinearText, quote: Quote, nearOffset?: number): QuoteMatch | null {
  const { text } = linear;
  const candidates = occurrences(text, quote.exact).map((start) => {
    const end = start + quote.exact.length;
    const context =
      commonSuffix(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start)) +
      commonPrefix(quote.suffix, text.slice(end, end + quote.suffix.length));
    return { start, end, context };
  });
  const required = Math.min(MIN_CONTEXT_MATCH, quote.prefix.length + quote.suffix.length);
  const distinctive = quote.exact.trim().length >= DISTINCTIVE_LENGTH;
  const acceptable = candidates.filter((match) => distinctive || match.context >= required);
  if (acceptable.length === 0) return null;
  const distance = (match: QuoteMatch) => (nearOffset === undefined ? 0 : Math.abs(match.start - nearOffset));
  acceptable.sort((a, b) => b.context - a.context || distance(a) - distance(b) || a.start - b.start);
  return acceptable[0];
}

/**
 * Locates a quote in a ProseMirror document (see {@link findQuote} for the
 * rules); `near` is a ProseMirror position that breaks ties between
 * occurrences whose context matches equally well.
 */
export function locateQuote(doc: PMNode, quote: Quote, near?: number, linear: LinearText = linearText(doc)): PassageRange | null {
  const nearOffset = near === undefined ? undefined : textOffsetAt(linear, near, 'forward');
  const match = findQuote(linear, quote, nearOffset);
  if (!match) return null;
  return { from: positionAtOffset(linear, match.start), to: positionAtOffset(linear, match.end) };
}

/** Characters of each side's context that bracket an edited passage. */
const BRACKET = 8;

/**
 * Finds a passage that was edited after its quote was taken and then
 * orphaned (say, a word changed and later the paragraph became a heading):
 * the text between the last {@link BRACKET} characters of the prefix and
 * the first ones of the suffix, when at least `share` of the quote survives
 * in it (see {@link survivingFraction}) and it is at most twice the quote's
 * length plus the context. Ranked by surviving share, then nearness. Both
 * brackets must be found where the quote had context; where it had none (the
 * passage touched an end of the text), that end of the text is the bracket.
 */
export function findEditedQuote(linear: LinearText, quote: Quote, share: number, nearOffset?: number): QuoteMatch | null {
  const { text } = linear;
  const left = quote.prefix.slice(-BRACKET);
  const right = quote.suffix.slice(0, BRACKET);
  const starts = left.length === 0 ? [0] : occurrences(text, left).map((at) => at + left.length);
  const maxLength = 2 * quote.exact.length + 2 * QUOTE_CONTEXT;
  let best: (QuoteMatch & { share: number }) | null = null;
  for (const start of starts) {
    const ends =
      right.length === 0
        ? [text.length]
        : occurrences(text.slice(start, start + maxLength + right.length), right).map((at) => start + at);
    for (const end of ends) {
      if (end <= start || end - start > maxLength) continue;
      const surviving = survivingFraction(quote.exact, text.slice(start, end));
      if (surviving < share) continue;
      const distance = (match: QuoteMatch) => (nearOffset === undefined ? 0 : Math.abs(match.start - nearOffset));
      const candidate = { start, end, context: left.length + right.length, share: surviving };
      if (best === null || surviving > best.share || (surviving === best.share && distance(candidate) < distance(best))) best = candidate;
    }
  }
  return best === null ? null : { start: best.start, end: best.end, context: best.context };
}

/** Longest common subsequence length of two sequences (two-row dynamic programme). */
function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Above this many cell comparisons the ordered comparison gives way to a bag-of-words count. */
const LCS_LIMIT = 4_000_000;

/** Quotes with at least this many words are compared word by word. */
const WORDS_FOR_WORD_COMPARISON = 3;

const wordsOf = (value: string) => value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of `original`'s tokens found in `current`, ignoring order (for very long passages only). */
function bagShare(original: string[], current: string[]): number {
  const counts = new Map<string, number>();
  for (const token of current) counts.set(token, (counts.get(token) ?? 0) + 1);
  let kept = 0;
  for (const token of original) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      kept += 1;
      counts.set(token, left - 1);
    }
  }
  return kept / original.length;
}

/**
 * How much of `original` survives, in order, in `current`: 1 when all of it
 * does (whatever was inserted), 0 when nothing does. Compared word by word
 * for quotes of three words or more (letters in common between unrelated
 * sentences would otherwise count), character by character for shorter ones
 * (so a corrected typo in a one-word passage still counts as that word).
 */
export function survivingFraction(original: string, current: string): number {
  if (current.includes(original)) return 1;
  const originalWords = wordsOf(original);
  const [a, b] =
    originalWords.length >= WORDS_FOR_WORD_COMPARISON ? [originalWords, wordsOf(current)] : [[...original], [...current]];
  if (a.length === 0) return 0;
  if (a.length * b.length > LCS_LIMIT) return bagShare(a, b);
  return lcsLength(a, b) / a.length;
}
