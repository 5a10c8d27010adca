import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeHead, checkChain, rememberedHead } from '../../app/_lib/ledger-memory';

const hash = (c: string) => c.repeat(64);

// The browser's localStorage, as a plain in-memory store (the unit project runs in Node).
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

beforeEach(() => {
  (globalThis as Record<string, unknown>).window = { localStorage: new MemoryStorage() };
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).window;
});

describe('the remembered ledger head', () => {
  it('remembers the first head seen and moves forward with chains that extend it', () => {
    expect(checkChain('p', [{ seq: 1, hash: hash('a') }])).toEqual({ kind: 'first' });
    expect(rememberedHead('p')).toEqual({ seq: 1, hash: hash('a') });
    expect(checkChain('p', [{ seq: 1, hash: hash('a') }, { seq: 2, hash: hash('b') }])).toEqual({ kind: 'extends' });
    expect(rememberedHead('p')).toEqual({ seq: 2, hash: hash('b') });
  });

  it('warns when a later chain does not contain the head seen, until the member acknowledges it', () => {
    checkChain('p', [{ seq: 1, hash: hash('a') }, { seq: 2, hash: hash('b') }]);
    const rewritten = [{ seq: 1, hash: hash('a') }, { seq: 2, hash: hash('c') }, { seq: 3, hash: hash('d') }];
    expect(checkChain('p', rewritten)).toEqual({ kind: 'rewritten', seen: { seq: 2, hash: hash('b') }, current: { seq: 3, hash: hash('d') } });
    // Still warned on the next look: the memory did not move.
    expect(checkChain('p', rewritten).kind).toBe('rewritten');
    // A chain cut short of the head seen is a rewrite too.
    expect(checkChain('p', [{ seq: 1, hash: hash('a') }]).kind).toBe('rewritten');
    acknowledgeHead('p', { seq: 3, hash: hash('d') });
    expect(checkChain('p', rewritten)).toEqual({ kind: 'extends' });
  });

  it('ignores unreadable memory instead of failing', () => {
    (globalThis as unknown as { window: { localStorage: MemoryStorage } }).window.localStorage.setItem('plenary.ledger-head.p', '{not json');
    expect(rememberedHead('p')).toBeNull();
    delete (globalThis as Record<string, unknown>).window;
    expect(rememberedHead('p')).toBeNull();
  });
});
