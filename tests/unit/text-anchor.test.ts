import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeRelative } from '@/core/text-anchor';
import { linearText, positionAtOffset, textOffsetAt } from '@/core/text-linear';
import { findEditedQuote, findQuote, locateQuote, quoteAt, survivingFraction, type Quote } from '@/core/text-quote';
import { textSchema } from '@/core/text-schema';

const schema = textSchema();
const paragraph = (...content: (string | PMNode)[]) =>
  schema.node('paragraph', null, content.map((part) => (typeof part === 'string' ? schema.text(part) : part)));
const heading = (text: string) => schema.node('heading', { level: 2 }, [schema.text(text)]);
const doc = (...blocks: PMNode[]) => schema.node('doc', null, blocks);
const bulletList = (...items: string[]) =>
  schema.node('bulletList', null, items.map((item) => schema.node('listItem', null, [paragraph(item)])));

/** ProseMirror range of the `nth` occurrence of `needle` in the document's linear text. */
function rangeOf(node: PMNode, needle: string, nth = 0) {
  const linear = linearText(node);
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = linear.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle}`);
  return { from: positionAtOffset(linear, at), to: positionAtOffset(linear, at + needle.length) };
}

describe('the text schema', () => {
  it('is StarterKit without a DOM, with the nodes the editor writes', () => {
    expect(Object.keys(schema.nodes)).toEqual(expect.arrayContaining(['paragraph', 'heading', 'bulletList', 'listItem', 'hardBreak']));
    expect(Object.keys(schema.marks)).toEqual(expect.arrayContaining(['bold', 'italic', 'link']));
    expect(textSchema()).toBe(schema);
  });
});

describe('linear text', () => {
  it('joins textblocks with newlines, reads hard breaks as newlines and ignores block structure', () => {
    const node = doc(heading('Title'), paragraph('one', schema.node('hardBreak'), 'two'), bulletList('a', 'b'), schema.node('horizontalRule'), paragraph('end'));
    expect(linearText(node).text).toBe('Title\none\ntwo\na\nb\nend');
  });

  it('reads a paragraph, a heading and a list item with the same text alike', () => {
    const text = (block: PMNode) => linearText(doc(paragraph('before'), block, paragraph('after'))).text;
    expect(text(heading('the passage'))).toBe(text(paragraph('the passage')));
    expect(text(bulletList('the passage'))).toBe(text(paragraph('the passage')));
  });

  it('maps every text offset to one position and back', () => {
    const node = doc(paragraph('ab'), bulletList('cd'), paragraph('e', schema.node('hardBreak'), 'f'));
    const linear = linearText(node);
    for (let offset = 0; offset <= linear.text.length; offset += 1) {
      const pos = positionAtOffset(linear, offset);
      expect(textOffsetAt(linear, pos, 'forward')).toBe(offset);
      expect(node.resolve(pos).parent.isTextblock).toBe(true);
    }
  });

  it('snaps positions between blocks inwards', () => {
    const node = doc(paragraph('ab'), paragraph('cd'));
    const linear = linearText(node);
    // Position 4 is between the two paragraphs.
    expect(textOffsetAt(linear, 4, 'forward')).toBe(3);
    expect(textOffsetAt(linear, 4, 'backward')).toBe(2);
    expect(textOffsetAt(linear, 0, 'forward')).toBe(0);
    expect(textOffsetAt(linear, node.content.size, 'backward')).toBe(5);
  });
});

describe('quoteAt', () => {
  it('takes the exact text and up to 32 characters on each side', () => {
    const before = 'x'.repeat(40);
    const after = 'y'.repeat(40);
    const node = doc(paragraph(`${before}PASSAGE${after}`));
    const { from, to } = rangeOf(node, 'PASSAGE');
    expect(quoteAt(node, from, to)).toEqual({ exact: 'PASSAGE', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
  });

  it('stops at the ends of the text and crosses blocks as newlines', () => {
    const node = doc(paragraph('first words'), paragraph('second'));
    const { from, to } = rangeOf(node, 'words\nsec');
    expect(quoteAt(node, from, to)).toEqual({ exact: 'words\nsec', prefix: 'first ', suffix: 'ond' });
  });

  it('does not split a surrogate pair in the context', () => {
    const node = doc(paragraph(`${'😀'.repeat(20)}X${'😀'.repeat(20)}`));
    const { from, to } = rangeOf(node, 'X');
    const quote = quoteAt(node, from, to);
    expect(quote.prefix).toBe('😀'.repeat(16));
    expect(quote.suffix).toBe('😀'.repeat(16));
  });

  it('snaps a whole-document range to the text', () => {
    const node = doc(paragraph('all'), paragraph('of it'));
    expect(quoteAt(node, 0, node.content.size)).toEqual({ exact: 'all\nof it', prefix: '', suffix: '' });
  });
});

describe('locateQuote', () => {
  const text = doc(
    paragraph('The council meets monthly. Members vote by show of hands.'),
    paragraph('Each working group meets monthly as well, and reports back.'),
  );

  it('finds the occurrence whose context matches', () => {
    const quote: Quote = { exact: 'meets monthly', prefix: 'Each working group ', suffix: ' as well, and reports back.' };
    const found = locateQuote(text, quote);
    expect(found).toEqual(rangeOf(text, 'meets monthly', 1));
  });

  it('prefers the occurrence nearer the hint when contexts match equally', () => {
    const node = doc(paragraph('same words'), paragraph('same words'));
    const quote: Quote = { exact: 'same words', prefix: '', suffix: '' };
    expect(locateQuote(node, quote, rangeOf(node, 'same words', 1).from)).toEqual(rangeOf(node, 'same words', 1));
    expect(locateQuote(node, quote, 0)).toEqual(rangeOf(node, 'same words', 0));
  });

  it('refuses a short quote whose context does not match at all', () => {
    const quote: Quote = { exact: 'the', prefix: 'something else entirely ', suffix: ' unrelated ending' };
    expect(locateQuote(doc(paragraph('Read the rules.')), quote)).toBeNull();
  });

  it('accepts a short quote when a little context still matches', () => {
    const quote: Quote = { exact: 'vote', prefix: 'XXXXXXXX Members ', suffix: ' by show of hands.' };
    expect(locateQuote(text, quote)).toEqual(rangeOf(text, 'vote'));
  });

  it('accepts a long quote without context', () => {
    const quote: Quote = { exact: 'Members vote by show of hands', prefix: 'gone', suffix: 'gone' };
    expect(locateQuote(text, quote)).toEqual(rangeOf(text, 'Members vote by show of hands'));
  });

  it('finds a passage that spans blocks, whatever the blocks became', () => {
    const node = doc(heading('The council meets monthly.'), bulletList('Each working group'));
    const quote: Quote = { exact: 'monthly.\nEach working', prefix: 'The council meets ', suffix: ' group' };
    expect(locateQuote(node, quote)).toEqual(rangeOf(node, 'monthly.\nEach working'));
  });

  it('gives null when the text is gone', () => {
    const quote: Quote = { exact: 'quarterly', prefix: 'meets ', suffix: '.' };
    expect(locateQuote(text, quote)).toBeNull();
    expect(findQuote(linearText(text), { exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('findEditedQuote', () => {
  const quote: Quote = { exact: 'members vote by show of hands', prefix: 'At each meeting ', suffix: ' unless asked.' };

  it('finds an edited passage between its context', () => {
    const linear = linearText(doc(paragraph('At each meeting members vote openly by show of hands unless asked.')));
    const match = findEditedQuote(linear, quote, 0.5)!;
    expect(linear.text.slice(match.start, match.end)).toBe('members vote openly by show of hands');
  });

  it('refuses unrelated text between the same context', () => {
    const linear = linearText(doc(paragraph('At each meeting a secret ballot is held unless asked.')));
    expect(findEditedQuote(linear, quote, 0.5)).toBeNull();
  });

  it('uses the end of the text where the quote had no context', () => {
    const atStart: Quote = { exact: 'members vote by show of hands', prefix: '', suffix: ' unless asked.' };
    const linear = linearText(doc(paragraph('members vote by raising hands unless asked.')));
    const match = findEditedQuote(linear, atStart, 0.5)!;
    expect(linear.text.slice(match.start, match.end)).toBe('members vote by raising hands');
  });
});

describe('survivingFraction', () => {
  it('is 1 when the original is still there, whatever was added', () => {
    expect(survivingFraction('meet monthly', 'we meet monthly, at noon')).toBe(1);
  });

  it('compares words for longer quotes', () => {
    expect(survivingFraction('the council shall meet monthly', 'the council shall meet weekly')).toBeCloseTo(0.8);
    expect(survivingFraction('the council shall meet monthly', 'a budget is fixed yearly')).toBe(0);
  });

  it('compares characters for one or two words', () => {
    expect(survivingFraction('monthly', 'monthy')).toBeCloseTo(6 / 7);
    expect(survivingFraction('monthly', 'very ')).toBeLessThan(0.5);
  });
});

describe('encoded positions', () => {
  it('round-trips base64 without Buffer', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('refuses strings that are not base64', () => {
    expect(base64ToBytes('not base64!')).toBeNull();
    expect(base64ToBytes('abc')).toBeNull();
  });

  it('decodes relative positions and refuses garbage', () => {
    const ydoc = new Y.Doc();
    const text = ydoc.getXmlFragment('default');
    text.insert(0, [new Y.XmlText('hello')]);
    const encoded = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text.get(0) as Y.XmlText, 2, -1));
    expect(decodeRelative(bytesToBase64(encoded))).not.toBeNull();
    expect(decodeRelative(encoded)?.assoc).toBe(-1);
    expect(decodeRelative('')).toBeNull();
    expect(decodeRelative('%%%')).toBeNull();
    expect(decodeRelative(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]))).toBeNull();
  });
});
