/**
 * Times resolveAnchor (core/text-anchor.ts) on pathological texts and on a
 * realistic document, the way the server resolves a proposal's dissents:
 * the committed text read from Yjs updates (committed-text.ts), anchors
 * filed from Yjs relative positions, then structural edits that orphan them.
 *
 *   node --import tsx bench/anchors.ts
 *
 * Prints a Markdown table: per case, the answer, the mean time of one
 * resolution and the work spent against the anchor's budget.
 */
import * as Y from 'yjs';
import { anchorBudget, positionsToRelative, resolveAnchor, type PassageAnchor, type PassageState } from '../core/text-anchor';
import { linearText, positionAtOffset } from '../core/text-linear';
import type { Quote } from '../core/text-quote';
import { anchorPassage, committedTextOf, type CommittedText } from '../server/services/committed-text';

/** A Yjs text of one paragraph element per string, as the editor writes it. */
function textOf(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  fragment.insert(
    0,
    paragraphs.map((words) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(words)]);
      return element;
    }),
  );
  return doc;
}

/** The server's reading of a Yjs document. */
const committed = (doc: Y.Doc): CommittedText => committedTextOf([Y.encodeStateAsUpdate(doc)]);

/** Files a dissent on text offsets [from, to) as the browser and the server do. */
function fileAt(doc: Y.Doc, from: number, to: number): PassageAnchor {
  const text = committed(doc);
  const linear = linearText(text.pmDoc);
  const positions = positionsToRelative(text.fragment, text.mapping, positionAtOffset(linear, from), positionAtOffset(linear, to));
  if (positions === null) throw new Error(`no positions for [${from}, ${to})`);
  const anchored = anchorPassage(text, positions.start, positions.end);
  if (anchored === null) throw new Error(`no anchor for [${from}, ${to})`);
  return anchored;
}

/** Re-creates paragraph `index` as a heading with `words` (what setBlockType does to the Yjs elements). */
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

/** The text of block `index`. */
const blockText = (doc: Y.Doc, index: number) => (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same document. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  ...'the assembly council members vote meets monthly budget proposal decide consensus majority hall minutes kept'.split(' '),
  ...'each working group reports back shall may not unless asked open ballot secret record steward treasurer'.split(' '),
  ...'term year quorum notice days written'.split(' '),
];

/** Twenty paragraphs of 60 to 100 words, with sentences. */
function prose(next: () => number): string[] {
  return Array.from({ length: 20 }, () => {
    const count = 60 + Math.floor(next() * 40);
    const words = Array.from({ length: count }, (_, i) => {
      const word = WORDS[Math.floor(next() * WORDS.length)];
      return i % 12 === 11 ? `${word}.` : word;
    });
    return words.join(' ');
  });
}

/** One row of the table: a text, its anchors, and what resolving them gave. */
interface Case {
  name: string;
  text: CommittedText;
  anchors: PassageAnchor[];
}

function runOfB(length: number, run = 200): Case {
  const half = (length - 1) / 2;
  const doc = textOf([`${'a'.repeat(half)}b${'a'.repeat(half)}`]);
  const anchor = fileAt(doc, half - run, half + 1);
  toHeading(doc, 0, 'a'.repeat(length - 1));
  const name = `${length.toLocaleString('en')} chars a…aba…a, quote a×${run.toLocaleString('en')}+b, → heading, b deleted`;
  return { name, text: committed(doc), anchors: [anchor] };
}

function typingInsideRun(): Case {
  const doc = textOf(['a'.repeat(20_000)]);
  const anchor = fileAt(doc, 5_000, 10_000);
  blockText(doc, 0).insert(7_500, 'c');
  return { name: '20,000 a\'s, quote a×5,000, a "c" typed inside (positions hold)', text: committed(doc), anchors: [anchor] };
}

function manyOccurrences(): Case {
  const doc = textOf(['a'.repeat(20_000)]);
  const anchor = fileAt(doc, 10_000, 11_000);
  toHeading(doc, 0, 'a'.repeat(20_000));
  return { name: "20,000 a's, quote a×1,000 (19,001 occurrences), → heading", text: committed(doc), anchors: [anchor] };
}

function repeatedPhrase(): Case {
  const doc = textOf(['the council decides. '.repeat(500)]);
  const at = 'the council decides. '.length * 250;
  const anchor = fileAt(doc, at, at + 'the council decides'.length);
  toHeading(doc, 0, 'the council decides. '.repeat(500));
  return { name: '"the council decides. " × 500, quote one of them, → heading', text: committed(doc), anchors: [anchor] };
}

function wholeText(): Case {
  const paragraphs = prose(random(7));
  const doc = textOf(paragraphs);
  const all = paragraphs.join('\n');
  const anchor = fileAt(doc, 0, all.length);
  // Both edges orphaned, and the text no longer reads as the quote: only the edited-passage search can find it.
  toHeading(doc, 0, paragraphs[0].replace('the', 'a'));
  toHeading(doc, 19, paragraphs[19]);
  return { name: 'quote = whole 20-paragraph text, first and last paragraphs → headings, one edited', text: committed(doc), anchors: [anchor] };
}

/** An anchor without positions on a realistic text; `quote` gets a passage of that text. */
function artificial(name: string, quote: (passage: string) => Quote): Case {
  const paragraphs = prose(random(11));
  const doc = textOf(paragraphs);
  return { name, text: committed(doc), anchors: [{ start: null, end: null, quote: quote(paragraphs[4].slice(100, 160)) }] };
}

/** Twenty paragraphs, fifty dissents; then edits inside passages, structural edits and a deletion. */
function realistic(): Case {
  const next = random(3);
  const paragraphs = prose(next);
  const doc = textOf(paragraphs);
  const offsets: number[] = [];
  let offset = 0;
  for (const words of paragraphs) {
    offsets.push(offset);
    offset += words.length + 1;
  }
  const anchors: PassageAnchor[] = [];
  for (let i = 0; i < 50; i += 1) {
    const block = Math.floor(next() * paragraphs.length);
    const words = paragraphs[block];
    const from = words.indexOf(' ', Math.floor(next() * (words.length - 200))) + 1;
    const to = from + 20 + Math.floor(next() * 150);
    anchors.push(fileAt(doc, offsets[block] + from, offsets[block] + to));
  }
  // Words typed inside passages, four paragraphs turned into headings (two edited first), one deleted.
  for (const block of [1, 5, 9]) blockText(doc, block).insert(40, 'amended ');
  toHeading(doc, 2, paragraphs[2]);
  toHeading(doc, 6, paragraphs[6].replace('the', 'a'));
  toHeading(doc, 12, paragraphs[12]);
  toHeading(doc, 15, paragraphs[15].slice(0, 200));
  doc.getXmlFragment('default').delete(18, 1);
  return { name: 'realistic: 20 paragraphs, 50 dissents, edits and headings (one list request)', text: committed(doc), anchors };
}

/** Resolves every anchor of a case once; the answers and the work spent. */
function resolveAll(item: Case) {
  let spent = 0;
  let limit = 0;
  let exhausted = 0;
  const states: PassageState[] = [];
  for (const anchor of item.anchors) {
    const budget = anchorBudget(linearText(item.text.pmDoc).text.length, anchor.quote);
    states.push(resolveAnchor(item.text, anchor, budget));
    spent += budget.spent;
    limit += budget.limit;
    if (budget.exhausted) exhausted += 1;
  }
  return { states, spent, limit, exhausted };
}

/** Mean milliseconds of one resolveAll: repeated for at least 300 ms, unless a single run takes over a second. */
function time(item: Case): number {
  const first = performance.now();
  resolveAll(item);
  const once = performance.now() - first;
  if (once > 1_000) return once;
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < 300 || runs < 3) {
    resolveAll(item);
    runs += 1;
  }
  return (performance.now() - start) / runs;
}

function outcome(states: PassageState[]): string {
  const counts = new Map<string, number>();
  for (const state of states) counts.set(state.passage, (counts.get(state.passage) ?? 0) + 1);
  return [...counts].map(([passage, count]) => (states.length === 1 ? passage : `${count} ${passage}`)).join(', ');
}

const cases: (() => Case)[] = [
  () => runOfB(1_201),
  () => runOfB(2_001),
  () => runOfB(20_001),
  () => runOfB(20_001, 5_000),
  typingInsideRun,
  manyOccurrences,
  repeatedPhrase,
  wholeText,
  () =>
    artificial('prefix and suffix of 1,000,000 chars each (no positions)', (exact) => ({
      exact,
      prefix: 'x'.repeat(1_000_000),
      suffix: 'y'.repeat(1_000_000),
    })),
  () => artificial('empty quote (no positions)', () => ({ exact: '', prefix: '', suffix: '' })),
  realistic,
];

console.log('| case | text chars | anchors | answer | ms per resolution | work spent / budget |');
console.log('| --- | ---: | ---: | --- | ---: | ---: |');
for (const make of cases) {
  const item = make();
  const textLength = linearText(item.text.pmDoc).text.length;
  const { states, spent, limit, exhausted } = resolveAll(item);
  const ms = time(item);
  const work = `${spent.toLocaleString('en')} / ${limit.toLocaleString('en')}${exhausted > 0 ? ` (${exhausted} exhausted)` : ''}`;
  console.log(`| ${item.name} | ${textLength.toLocaleString('en')} | ${item.anchors.length} | ${outcome(states)} | ${ms.toFixed(3)} | ${work} |`);
}
