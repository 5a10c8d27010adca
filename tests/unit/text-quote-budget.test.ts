/**
 * Resolving an anchor on pathological texts: the answer is right and the
 * work stays within the anchor's budget. Work is counted in units (about
 * one character comparison each) by the WorkBudget the resolution spends,
 * never timed.
 */
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  positionsToRelative,
  resolveAnchor,
  type AnchorContext,
  type PassageAnchor,
  type PassageState,
  type ProsemirrorMapping,
} from '@/core/text-anchor';
import { linearText, matchLengths, occurrencesIn, positionAtOffset, textOffsetAt, unlimitedBudget, WorkBudget } from '@/core/text-linear';
import {
  anchorBudget,
  BASE_WORK,
  findEditedQuote,
  findQuote,
  lcsLength,
  quoteOfOffsets,
  survivingFraction,
  WORK_PER_CHARACTER,
  type Quote,
} from '@/core/text-quote';
import { textSchema } from '@/core/text-schema';

/** A Yjs text with one paragraph element per string. */
function yText(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(
    0,
    paragraphs.map((words) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(words)]);
      return element;
    }),
  );
  return doc;
}

/** The document as ProseMirror reads it (what the server and the editor resolve against). */
function contextOf(doc: Y.Doc): AnchorContext {
  const fragment = doc.getXmlFragment('default');
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, textSchema());
  return { doc, fragment, pmDoc, mapping: mapping as ProsemirrorMapping };
}

/** An anchor on text offsets [from, to): the editor's positions and the quote there. */
function anchorAt(doc: Y.Doc, from: number, to: number): PassageAnchor {
  const context = contextOf(doc);
  const linear = linearText(context.pmDoc);
  const positions = positionsToRelative(context.fragment, context.mapping, positionAtOffset(linear, from), positionAtOffset(linear, to));
  expect(positions).not.toBeNull();
  return { ...positions!, quote: quoteOfOffsets(linear.text, from, to) };
}

/** Re-creates block `index` as a heading with `words`, as a structural edit does: positions inside it are orphaned. */
function toHeading(doc: Y.Doc, index: number, words: string) {
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    fragment.delete(index, 1);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(words)]);
    fragment.insert(index, [heading]);
  });
}

/** Resolves with the default budget and returns it with the answer and the passage's text. */
function resolve(context: AnchorContext, anchor: PassageAnchor) {
  const linear = linearText(context.pmDoc);
  const budget = anchorBudget(linear.text.length, anchor.quote);
  const state = resolveAnchor(context, anchor, budget);
  return { state, budget, text: passageText(context, state) };
}

function passageText(context: AnchorContext, state: PassageState): string | null {
  if (state.passage === 'removed') return null;
  const linear = linearText(context.pmDoc);
  return linear.text.slice(textOffsetAt(linear, state.from, 'forward'), textOffsetAt(linear, state.to, 'backward'));
}

/** The budget's limit for a text and a quote, as a bound to compare spent work with. */
const linearBound = (textLength: number, quoteLength: number) => WORK_PER_CHARACTER * (textLength + quoteLength) + BASE_WORK;

describe('an anchor on a run of one character', () => {
  it.each([1_201, 2_001, 20_001])('re-anchors a×200+b in %i characters after a heading and the b deleted, within budget', (length) => {
    const half = (length - 1) / 2;
    const doc = yText([`${'a'.repeat(half)}b${'a'.repeat(half)}`]);
    const anchor = anchorAt(doc, half - 200, half + 1);
    toHeading(doc, 0, 'a'.repeat(length - 1));
    const { state, budget, text } = resolve(contextOf(doc), anchor);
    // 200 of the quote's 201 characters survive in any 200 a's: the passage is such a run, near where it stood.
    expect(state.passage).toBe('reanchored');
    expect(text).toMatch(/^a{200,201}$/);
    expect(budget.exhausted).toBe(false);
    expect(budget.spent).toBeLessThanOrEqual(budget.limit);
    // Well below the limit: the work grows with the text, not with the text times the quote.
    expect(budget.spent).toBeLessThanOrEqual(24 * length + BASE_WORK);
  });

  it('finds one of 19,001 occurrences of a×1,000 after a heading, within budget', () => {
    const doc = yText(['a'.repeat(20_000)]);
    const anchor = anchorAt(doc, 10_000, 11_000);
    toHeading(doc, 0, 'a'.repeat(20_000));
    const { state, budget, text } = resolve(contextOf(doc), anchor);
    expect(state.passage).toBe('reanchored');
    expect(text).toBe('a'.repeat(1_000));
    expect(budget.exhausted).toBe(false);
    expect(budget.spent).toBeLessThanOrEqual(12 * 21_000 + BASE_WORK);
  });

  it('keeps a passage whose positions hold when a character is typed inside a long run', () => {
    const doc = yText(['a'.repeat(20_000)]);
    const anchor = anchorAt(doc, 5_000, 10_000);
    ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(7_500, 'c');
    const { state, budget, text } = resolve(contextOf(doc), anchor);
    // An exact occurrence of the quote overlaps the range: that occurrence is the passage.
    expect(state.passage).toBe('present');
    expect(text).toBe('a'.repeat(5_000));
    expect(budget.exhausted).toBe(false);
    expect(budget.spent).toBeLessThanOrEqual(4 * 25_000);
  });
});

describe('an anchor on a repeated phrase', () => {
  it('re-anchors on one of 500 occurrences with all of its context, within budget', () => {
    const unit = 'the council decides. ';
    const doc = yText([unit.repeat(500)]);
    const anchor = anchorAt(doc, unit.length * 250, unit.length * 250 + 'the council decides'.length);
    toHeading(doc, 0, unit.repeat(500));
    const context = contextOf(doc);
    const { state, budget, text } = resolve(context, anchor);
    expect(state.passage).toBe('reanchored');
    expect(text).toBe('the council decides');
    // Nearest the hint (the heading's start), the first occurrence with 32 characters before it is the third.
    expect(state.passage === 'reanchored' && textOffsetAt(linearText(context.pmDoc), state.from, 'forward')).toBe(2 * unit.length);
    expect(budget.exhausted).toBe(false);
    expect(budget.spent).toBeLessThanOrEqual(12 * unit.length * 500);
  });

  it('scores every occurrence of a short quote by its context in linear work', () => {
    const text = `${'ab'.repeat(5_000)}MARK${'ab'.repeat(5_000)}`;
    const linear = { text, blocks: [{ pos: 1, size: text.length, offset: 0 }] };
    const quote: Quote = { exact: 'ab', prefix: 'ab'.repeat(14) + 'MARK', suffix: 'ab'.repeat(16) };
    const budget = unlimitedBudget();
    const match = findQuote(linear, quote, 0, budget);
    // Context decides before nearness: the occurrence right after MARK, far from the hint.
    expect(match).toEqual({ start: 10_004, end: 10_006, context: 64 });
    expect(budget.spent).toBeLessThanOrEqual(8 * (text.length + 64));
  });
});

describe('an anchor on the whole text', () => {
  const paragraphs = [
    'The assembly meets monthly in the hall and keeps minutes of every meeting.',
    'At each meeting members vote by show of hands unless someone asks for a ballot.',
    'The steward calls the meeting with seven days of written notice to every member.',
  ];

  it('re-anchors the whole text after its first and last paragraphs became headings and one was edited', () => {
    const doc = yText(paragraphs);
    const all = paragraphs.join('\n');
    const anchor = anchorAt(doc, 0, all.length);
    expect(anchor.quote).toEqual({ exact: all, prefix: '', suffix: '' });
    toHeading(doc, 0, paragraphs[0].replace('monthly', 'weekly'));
    toHeading(doc, 2, paragraphs[2]);
    const context = contextOf(doc);
    const { state, budget, text } = resolve(context, anchor);
    expect(state.passage).toBe('reanchored');
    expect(text).toBe(linearText(context.pmDoc).text);
    expect(budget.exhausted).toBe(false);
    expect(budget.spent).toBeLessThanOrEqual(budget.limit);
  });
});

describe('quotes that are not what the server stores', () => {
  const words = 'At each meeting members vote by show of hands unless someone asks for a ballot.';

  it('reads only 32 characters of a huge prefix and suffix, and the budget does not grow with them', () => {
    const doc = yText([`${'x'.repeat(100)} ${words} ${'y'.repeat(100)}`]);
    const context = contextOf(doc);
    const quote: Quote = {
      exact: 'members vote by show of hands',
      prefix: `${'q'.repeat(1_000_000)}x At each meeting `,
      suffix: ` unless someone${'q'.repeat(1_000_000)}`,
    };
    const huge: PassageAnchor = { start: null, end: null, quote };
    const { state, budget, text } = resolve(context, huge);
    // The last 32 characters of the prefix match the text; the suffix's first 32 match 15 characters.
    expect(state.passage).toBe('reanchored');
    expect(text).toBe('members vote by show of hands');
    const length = linearText(context.pmDoc).text.length;
    expect(budget.limit).toBe(linearBound(length, 29 + 32 + 32));
    expect(budget.spent).toBeLessThanOrEqual(8 * (length + 100));
  });

  it('answers removed for an empty quote without positions, spending nothing', () => {
    const context = contextOf(yText([words]));
    const { state, budget } = resolve(context, { start: null, end: null, quote: { exact: '', prefix: '', suffix: '' } });
    expect(state).toEqual({ passage: 'removed' });
    expect(budget.spent).toBe(0);
  });

  it('finds nothing for an empty quote by search', () => {
    const linear = linearText(contextOf(yText([words])).pmDoc);
    const empty: Quote = { exact: '', prefix: 'At each ', suffix: ' members' };
    expect(findQuote(linear, empty)).toBeNull();
    expect(findEditedQuote(linear, empty, 0.5)).toBeNull();
  });
});

describe('when the budget runs out', () => {
  it('answers removed rather than an answer from half a search', () => {
    const doc = yText([`${'a'.repeat(600)}b${'a'.repeat(600)}`]);
    const anchor = anchorAt(doc, 400, 601);
    toHeading(doc, 0, 'a'.repeat(1_200));
    const budget = new WorkBudget(10_000);
    expect(resolveAnchor(contextOf(doc), anchor, budget)).toEqual({ passage: 'removed' });
    expect(budget.exhausted).toBe(true);
    expect(budget.spent).toBeLessThanOrEqual(10_000);
  });

  it('compares without order when the ordered comparison does not fit, and gives 0 when nothing fits', () => {
    // Forty words, then the same forty with their halves swapped: 20 survive in order, all 40 without order.
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const original = words.join(' ');
    const current = [...words.slice(20), ...words.slice(0, 20)].join(' ');
    expect(survivingFraction(original, current)).toBe(0.5);
    const full = unlimitedBudget();
    survivingFraction(original, current, full);
    // Enough for the containment search, the tokens and an unordered count (40 + 40), not the ordered one (2 × 40 + 40).
    const tight = new WorkBudget(full.spent - 120 + 100);
    expect(survivingFraction(original, current, tight)).toBe(1);
    expect(tight.exhausted).toBe(false);
    const none = new WorkBudget(10);
    expect(survivingFraction(original, current, none)).toBe(0);
    expect(none.exhausted).toBe(true);
  });
});

describe('the comparisons underneath', () => {
  /** Cell-by-cell LCS, the reference. */
  function referenceLcs(a: string[], b: string[]): number {
    const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i += 1) {
      for (let j = 1; j <= b.length; j += 1) {
        table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
      }
    }
    return table[a.length][b.length];
  }

  it('computes the exact LCS bit-parallel, across block boundaries', () => {
    let seed = 1;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const [lengthA, lengthB] of [[1, 1], [31, 40], [32, 32], [33, 70], [64, 100], [65, 65], [150, 90], [200, 260]]) {
      for (const alphabet of [2, 4, 26]) {
        const tokens = (length: number) => Array.from({ length }, () => String.fromCharCode(97 + Math.floor(next() * alphabet)));
        const a = tokens(lengthA);
        const b = tokens(lengthB);
        expect(lcsLength(a, b), `${lengthA}×${lengthB}, ${alphabet} letters`).toBe(referenceLcs(a, b));
      }
    }
    expect(lcsLength([], ['a'])).toBe(0);
  });

  it('matches a pattern forwards and backwards at every offset of a window', () => {
    const text = 'abcabcabxabc';
    const forward = matchLengths('abcab', text, 2, 11, 'forward', unlimitedBudget())!;
    const backward = matchLengths('xabc', text, 1, 12, 'backward', unlimitedBudget())!;
    for (let i = 0; i <= 9; i += 1) {
      const window = text.slice(2 + i, 11);
      let n = 0;
      while (n < 5 && n < window.length && window[n] === 'abcab'[n]) n += 1;
      expect(forward[i], `forward at ${2 + i}`).toBe(n);
    }
    for (let i = 0; i <= 11; i += 1) {
      const window = text.slice(1, 1 + i);
      let n = 0;
      while (n < 4 && n < window.length && window[window.length - 1 - n] === 'xabc'[3 - n]) n += 1;
      expect(backward[i], `backward at ${1 + i}`).toBe(n);
    }
  });

  it("finds the occurrences a plain scan finds, by the engine's search or by the Z algorithm", () => {
    const naive = (text: string, needle: string, from: number, to: number) => {
      const found: number[] = [];
      for (let at = from; at + needle.length <= to; at += 1) if (text.startsWith(needle, at)) found.push(at);
      return found;
    };
    const run = 'a'.repeat(3_000);
    const cases: [string, string][] = [
      ['the council decides. '.repeat(40), 'council'],
      ['the council decides. '.repeat(40), 'decides. the council'],
      // Long needles whose first characters occur everywhere: past a linear pass of checks, the Z algorithm takes over.
      [run, 'a'.repeat(100)],
      [`${run}b${run}`, `${'a'.repeat(300)}b${'a'.repeat(20)}`],
      [run, `${'a'.repeat(300)}b`],
      ['abababababcababab', 'abab'],
    ];
    for (const [text, needle] of cases) {
      for (const [from, to] of [[0, text.length], [5, text.length - 7], [text.length - 3, text.length]]) {
        expect(occurrencesIn(text, needle, from, to, unlimitedBudget()), `${needle.slice(0, 12)}… in [${from}, ${to})`).toEqual(
          naive(text, needle, from, to),
        );
      }
    }
    expect(occurrencesIn('abcabc', 'abc', 0, 6, unlimitedBudget(), 1)).toEqual([0]);
    expect(occurrencesIn('abc', '', 0, 3, unlimitedBudget())).toEqual([]);
  });

  it("looks for a×500 b a×500 in 20,000 a's in linear work (the engine's own search is quadratic there)", () => {
    const text = 'a'.repeat(20_000);
    const needle = `${'a'.repeat(500)}b${'a'.repeat(500)}`;
    const budget = unlimitedBudget();
    expect(occurrencesIn(text, needle, 0, text.length, budget)).toEqual([]);
    expect(budget.spent).toBeLessThanOrEqual(8 * (text.length + needle.length));
  });

  it('refuses work the budget cannot pay for', () => {
    const budget = new WorkBudget(20);
    expect(matchLengths('abc', 'abcabcabc', 0, 9, 'forward', budget)).toBeNull();
    expect(budget).toMatchObject({ spent: 0, exhausted: true });
  });
});
