import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDurableState, type DurableState } from '../../core/durability';
import { LocalEdits } from '../../app/_lib/durable-state';
import { normalizeLinkHref } from '../../app/_lib/link-href';
import { initials, presentPeople } from '../../app/_lib/presence-people';
import { formatShortcut } from '../../app/_lib/shortcuts';

/** What a server holding `doc` would report in its saved signal. */
function durableOf(doc: Y.Doc): DurableState {
  const vector = Y.encodeStateVector(doc);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint8Array(encoder, vector);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, vector));
  return readDurableState(decoding.createDecoder(encoding.toUint8Array(encoder)));
}

/** A tab's document, recording its local edits, and a server copy that receives what the test sends. */
function tabAndServer() {
  const tab = new Y.Doc();
  const server = new Y.Doc();
  const edits = new LocalEdits();
  tab.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) edits.record(transaction);
  });
  const send = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(tab, Y.encodeStateVector(server)));
  return { tab, server, edits, send };
}

describe('LocalEdits', () => {
  it('is saved with no edits, even before any saved signal', () => {
    const { tab, edits } = tabAndServer();
    expect(edits.isCoveredBy(tab, undefined)).toBe(true);
  });

  it('counts an insertion as saved only once the durable state vector covers it', () => {
    const { tab, server, edits, send } = tabAndServer();
    tab.getText('t').insert(0, 'hello');
    expect(edits.isCoveredBy(tab, undefined)).toBe(false);
    expect(edits.isCoveredBy(tab, durableOf(server))).toBe(false);
    send();
    expect(edits.isCoveredBy(tab, durableOf(server))).toBe(true);
  });

  it('counts a deletion alone as unsaved until the durable delete set covers it', () => {
    const { tab, server, edits, send } = tabAndServer();
    tab.getText('t').insert(0, 'hello');
    send();
    edits.prune(durableOf(server));
    tab.getText('t').delete(1, 2);
    // The state vector did not move: only the delete set tells.
    expect(Y.encodeStateVector(tab)).toEqual(Y.encodeStateVector(server));
    expect(edits.isCoveredBy(tab, durableOf(server))).toBe(false);
    send();
    expect(edits.isCoveredBy(tab, durableOf(server))).toBe(true);
  });

  it('ignores what came from elsewhere', () => {
    const { tab, server, edits } = tabAndServer();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'from someone else');
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(other));
    expect(edits.isCoveredBy(tab, durableOf(server))).toBe(true);
  });
});

describe('presentPeople', () => {
  const ann = { id: 'u1', name: 'Ann Steward', color: '#b91c1c' };
  const bob = { id: 'u2', name: 'Bob Member', color: '#15803d' };

  it('shows one entry per person, the viewer first, typing if any of their tabs types', () => {
    const states = new Map<number, unknown>([
      [1, { user: bob }],
      [2, { user: ann }],
      [3, { user: bob, typing: true }],
      [4, {}],
    ]);
    expect(presentPeople(states, 'u1')).toEqual([
      { ...ann, isSelf: true, typing: false },
      { ...bob, isSelf: false, typing: true },
    ]);
  });

  it('paints an unexpected colour neutral', () => {
    const [person] = presentPeople(new Map([[1, { user: { ...ann, color: 'red;background:url(x)' } }]]), 'u2');
    expect(person.color).toBe('#57534e');
  });

  it('makes initials from the first and last names', () => {
    expect(initials('Ann Steward')).toBe('AS');
    expect(initials('Ann Marie de la Rue')).toBe('AR');
    expect(initials('  émile ')).toBe('É');
    expect(initials('')).toBe('?');
  });
});

describe('normalizeLinkHref', () => {
  it('completes web and mail addresses', () => {
    expect(normalizeLinkHref('example.org')).toBe('https://example.org');
    expect(normalizeLinkHref(' https://example.org/a?b=c ')).toBe('https://example.org/a?b=c');
    expect(normalizeLinkHref('ann@example.org')).toBe('mailto:ann@example.org');
  });

  it('refuses other schemes and non-addresses', () => {
    expect(normalizeLinkHref('javascript:alert(1)')).toBeNull();
    expect(normalizeLinkHref('data:text/html,hi')).toBeNull();
    expect(normalizeLinkHref('not an address')).toBeNull();
    expect(normalizeLinkHref('word')).toBeNull();
    expect(normalizeLinkHref('')).toBeNull();
  });
});

describe('formatShortcut', () => {
  it('writes Ctrl elsewhere and Apple symbols on Apple systems', () => {
    expect(formatShortcut('bulletList', false)).toBe('Ctrl+Shift+8');
    expect(formatShortcut('bulletList', true)).toBe('⌘⇧8');
    expect(formatShortcut('toolbar', false)).toBe('Alt+F10');
  });
});
