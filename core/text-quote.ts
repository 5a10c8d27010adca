import type { Node as PMNode } from '@tiptap/pm/model';
import {
  linearText,
  matchLengths,
  occurrencesIn,
  positionAtOffset,
  textOffsetAt,
  unlimitedBudget,
  WorkBudget,
  type LinearText,
} from './text-linear';

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

/** A candidate occurrence of a quote, in text offsets, with how well its context matches. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Characters of the quote's prefix and suffix that match the text around the occurrence. */
  context: number;
}

/**
 * Work units one anchor may spend per character of text and of quote (its
 * exact text plus at most {@link QUOTE_CONTEXT} characters of context on each side).
 */
export const WORK_PER_CHARACTER = 64;

/** Work units every anchor may spend whatever the lengths, so that short texts are always compared in full. */
export const BASE_WORK = 65_536;

/**
 * The budget of resolving one anchor against a text: linear in the text's
 * and the quote's lengths. It depends on nothing else, so every replica
 * gives the same answer on the same document.
 */
export function anchorBudget(textLength: number, quote: Quote | null): WorkBudget {
  const context = quote === null ? 0 : Math.min(quote.prefix.length, QUOTE_CONTEXT) + Math.min(quote.suffix.length, QUOTE_CONTEXT);
  const quoteLength = quote === null ? 0 : quote.exact.length + context;
  return new WorkBudget(WORK_PER_CHARACTER * (textLength + quoteLength) + BASE_WORK);
}

/**
 * The context that counts: a stored quote never has more than
 * {@link QUOTE_CONTEXT} characters each side, and a longer one (not made by
 * {@link quoteOfOffsets}) must not buy more work.
 */
const contextOf = (quote: Quote) => ({ prefix: quote.prefix.slice(-QUOTE_CONTEXT), suffix: quote.suffix.slice(0, QUOTE_CONTEXT) });

/**
 * For each occurrence, the characters of `prefix` (read backwards) and
 * `suffix` (read forwards) that match the text around it. Few occurrences
 * are compared one by one (at most the context's length each); many (a
 * repetitive text) get two linear passes that match the prefix and the
 * suffix at every offset of the text at once.
 */
function contextScores(text: string, starts: number[], length: number, prefix: string, suffix: string, budget: WorkBudget): number[] | null {
  const oneByOne = starts.length * (prefix.length + suffix.length);
  if (oneByOne <= 4 * (text.length + QUOTE_CONTEXT)) {
    if (!budget.spend(oneByOne)) return null;
    return starts.map((start) => {
      let before = 0;
      while (before < prefix.length && before < start && prefix[prefix.length - 1 - before] === text[start - 1 - before]) before += 1;
      const end = start + length;
      let after = 0;
      while (after < suffix.length && end + after < text.length && suffix[after] === text[end + after]) after += 1;
      return before + after;
    });
  }
  const before = matchLengths(prefix, text, 0, text.length, 'backward', budget);
  const after = matchLengths(suffix, text, 0, text.length, 'forward', budget);
  if (before === null || after === null) return null;
  return starts.map((start) => before[start] + after[start + length]);
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
 * honest answer. Every occurrence is scored, however many there are, in
 * work linear in the text (see occurrencesIn and contextScores). Null also
 * when `budget` cannot pay for it.
 */
export function findQuote(
  linear: LinearText,
  quote: Quote,
  nearOffset?: number,
  budget: WorkBudget = unlimitedBudget(),
): QuoteMatch | null {
  const { text } = linear;
  const { exact } = quote;
  if (exact.length === 0 || exact.length > text.length) return null;
  const found = occurrencesIn(text, exact, 0, text.length, budget);
  if (found === null || found.length === 0) return null;
  const { prefix, suffix } = contextOf(quote);
  const scores = contextScores(text, found, exact.length, prefix, suffix, budget);
  if (scores === null) return null;
  const required = Math.min(MIN_CONTEXT_MATCH, prefix.length + suffix.length);
  const distinctive = exact.trim().length >= DISTINCTIVE_LENGTH;
  const distance = (start: number) => (nearOffset === undefined ? 0 : Math.abs(start - nearOffset));
  let best: QuoteMatch | null = null;
  // In order of start, so that a tie keeps the earlier occurrence.
  for (let i = 0; i < found.length; i += 1) {
    const start = found[i];
    const context = scores[i];
    if (!distinctive && context < required) continue;
    if (best === null || context > best.context || (context === best.context && distance(start) < distance(best.start))) {
      best = { start, end: start + exact.length, context };
    }
  }
  return best;
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
 * Openings of the left bracket tried, the nearest to the hint (or the first
 * ones, without a hint). Eight characters of context rarely repeat in
 * prose; where they do (a run of one character, a repeated phrase), trying
 * every one would cost the text's length times the quote's.
 */
export const EDITED_STARTS = 8;

/** The `count` starts nearest `nearOffset` (the first ones without it), in order. */
function nearestStarts(starts: number[], nearOffset: number | undefined, count: number): number[] {
  if (starts.length <= count || nearOffset === undefined) return starts.slice(0, count);
  // Starts are sorted: the nearest ones are a window around where the hint falls.
  let lo = lowerBound(starts, nearOffset);
  let hi = lo;
  while (hi - lo < count) {
    const takeLeft = hi >= starts.length || (lo > 0 && nearOffset - starts[lo - 1] <= starts[hi] - nearOffset);
    if (takeLeft) lo -= 1;
    else hi += 1;
  }
  return starts.slice(lo, hi);
}

/** Index of the first value in sorted `values` that is at least `target`. */
function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ends worth trying for a passage starting at `start`: of the allowed
 * ends (after `start`, at most `maxLength` away), the last one that keeps
 * the passage no longer than the quote and the first one that makes it
 * longer. A passage edited in place keeps about its length; farther
 * occurrences of the bracket take in other text or leave the quote out.
 */
function plausibleEnds(ends: number[], start: number, quoteLength: number, maxLength: number): number[] {
  const target = start + quoteLength;
  const above = lowerBound(ends, target + 1);
  const picked: number[] = [];
  if (above > 0 && ends[above - 1] > start) picked.push(ends[above - 1]);
  if (above < ends.length && ends[above] - start <= maxLength) picked.push(ends[above]);
  return picked;
}

/**
 * Finds a passage that was edited after its quote was taken and then
 * orphaned (say, a word changed and later the paragraph became a heading):
 * the text between the last {@link BRACKET} characters of the prefix and
 * the first ones of the suffix, when at least `share` of the quote survives
 * in it (see {@link survivingFraction}) and it is at most twice the quote's
 * length plus the context. Ranked by surviving share, then nearness. Both
 * brackets must be found where the quote had context; where it had none (the
 * passage touched an end of the text), that end of the text is the bracket.
 *
 * Bounded work: the brackets are found in two linear passes, at most
 * {@link EDITED_STARTS} openings are tried, each with at most two ends (see
 * plausibleEnds), and each candidate is compared once. Null when nothing
 * qualifies or when `budget` runs out before the search is done (an answer
 * found by half a search would depend on where it stopped).
 */
export function findEditedQuote(
  linear: LinearText,
  quote: Quote,
  share: number,
  nearOffset?: number,
  budget: WorkBudget = unlimitedBudget(),
): QuoteMatch | null {
  const { text } = linear;
  const { exact } = quote;
  if (exact.length === 0) return null;
  const { prefix, suffix } = contextOf(quote);
  const left = prefix.slice(-BRACKET);
  const right = suffix.slice(0, BRACKET);
  const opened = left.length === 0 ? [0] : occurrencesIn(text, left, 0, text.length, budget)?.map((at) => at + left.length);
  const ends = right.length === 0 ? [text.length] : occurrencesIn(text, right, 0, text.length, budget);
  if (!opened || !ends) return null;
  const maxLength = 2 * exact.length + 2 * QUOTE_CONTEXT;
  const distance = (start: number) => (nearOffset === undefined ? 0 : Math.abs(start - nearOffset));
  let best: (QuoteMatch & { share: number }) | null = null;
  for (const start of nearestStarts(opened, nearOffset, EDITED_STARTS)) {
    for (const end of plausibleEnds(ends, start, exact.length, maxLength)) {
      const surviving = survivingFraction(exact, text.slice(start, end), budget);
      if (budget.exhausted) return null;
      if (surviving < share) continue;
      if (best === null || surviving > best.share || (surviving === best.share && distance(start) < distance(best.start))) {
        best = { start, end, context: left.length + right.length, share: surviving };
      }
    }
  }
  return best === null ? null : { start: best.start, end: best.end, context: best.context };
}

/** Bits per block of the bit-parallel comparison. */
const BLOCK = 32;

/**
 * Longest common subsequence length of two token sequences, bit-parallel
 * (Allison and Dix; Hyyrö): one pass over `b`, each step a carry-propagating
 * addition on ceil(|a| / 32) blocks, so O(|a| · |b| / 32) instead of the
 * cell-by-cell table's O(|a| · |b|). Exact, not an estimate.
 */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const blocks = Math.ceil(a.length / BLOCK);
  // Bit i of a token's mask: a[i] is that token.
  const masks = new Map<string, Uint32Array>();
  a.forEach((token, i) => {
    let mask = masks.get(token);
    if (mask === undefined) {
      mask = new Uint32Array(blocks);
      masks.set(token, mask);
    }
    mask[i >>> 5] |= 1 << (i & 31);
  });
  // Zero bits of v mark the positions of a that end a longest common subsequence so far.
  const v = new Uint32Array(blocks).fill(0xffffffff);
  for (const token of b) {
    const mask = masks.get(token);
    if (mask === undefined) continue;
    let carry = 0;
    for (let k = 0; k < blocks; k += 1) {
      const vk = v[k];
      const u = vk & mask[k];
      // v' = (v + u) | (v & ~mask), the addition carried from block to block.
      const sum = vk + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = (sum | (vk & ~mask[k])) >>> 0;
    }
  }
  let length = 0;
  for (let i = 0; i < a.length; i += 1) if ((v[i >>> 5] & (1 << (i & 31))) === 0) length += 1;
  return length;
}

/** Above this many block steps the ordered comparison gives way to a bag-of-words count. */
const LCS_LIMIT = 1_000_000;

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
 * Costs O(|original| + |current|) plus the bit-parallel comparison; when
 * that does not fit {@link LCS_LIMIT} or what is left of `budget`, tokens
 * are counted without order instead, and when even that does not fit, the
 * answer is 0 and the budget is exhausted.
 */
export function survivingFraction(original: string, current: string, budget: WorkBudget = unlimitedBudget()): number {
  if (original.length <= current.length) {
    const contained = occurrencesIn(current, original, 0, current.length, budget, 1);
    if (contained === null) return 0;
    if (contained.length > 0 || original.length === 0) return 1;
  }
  // Splitting into tokens reads both strings once.
  if (!budget.spend(original.length + current.length)) return 0;
  const originalWords = wordsOf(original);
  const [a, b] =
    originalWords.length >= WORDS_FOR_WORD_COMPARISON ? [originalWords, wordsOf(current)] : [[...original], [...current]];
  if (a.length === 0) return 0;
  const ordered = Math.ceil(a.length / BLOCK) * b.length + a.length;
  if (ordered <= LCS_LIMIT && budget.fits(ordered)) {
    budget.spend(ordered);
    return lcsLength(a, b) / a.length;
  }
  if (!budget.spend(a.length + b.length)) return 0;
  return bagShare(a, b);
}
