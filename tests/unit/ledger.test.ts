/** core/ledger.ts: canonical JSON (RFC 8785), entry hashes, chain verification, head extension. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  contentHash,
  entryHash,
  extendsHead,
  verifyChain,
  type LedgerEntry,
  type LedgerEntryBody,
} from '../../core/ledger';
import { anchorHash, dissentWordsHash, replyBodyHash, titleHash } from '../../core/ledger-content';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A valid chain of `length` entries for proposal `p`. */
function chain(length: number, proposalId = 'p'): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const body: LedgerEntryBody = {
      v: 1,
      proposalId,
      seq,
      kind: seq === 1 ? 'proposal.created' : 'dissent.signed',
      actorId: `user-${seq}`,
      at: `2026-01-01T00:00:0${seq % 10}.000Z`,
      data: seq === 1 ? { assemblyId: 'a', titleHash: titleHash('T'), authorIds: ['user-1'] } : { dissentId: 'd', signatureId: seq },
      prev: entries.at(-1)?.hash ?? null,
    };
    entries.push({ ...body, hash: entryHash(body) });
  }
  return entries;
}

/** Re-hashes an entry after a change, as a forger who rewrites it completely would. */
function rehash(entry: LedgerEntry): LedgerEntry {
  const { hash: _old, ...body } = entry;
  return { ...body, hash: entryHash(body) };
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code unit, at every depth, with no whitespace', () => {
    const value = {
      '\u20ac': 'euro',
      '\r': 'carriage return',
      '\ufb33': 'dalet',
      '1': 'one',
      '\u{1F600}': 'grinning face',
      '\u0080': 'control',
      '\u00f6': 'o umlaut',
      nested: { b: [3, { z: 1, a: 2 }], a: null },
    };
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 though its code point is larger.
    expect(canonicalJson(value)).toBe(
      '{"\\r":"carriage return","1":"one","nested":{"a":null,"b":[3,{"a":2,"z":1}]},"\u0080":"control","\u00f6":"o umlaut","\u20ac":"euro","\u{1F600}":"grinning face","\ufb33":"dalet"}',
    );
  });

  it('writes numbers in their shortest ECMAScript form', () => {
    expect(canonicalJson([1, 1.0, -0, 0.5, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, -1.5e-10, 2 ** 53])).toBe(
      '[1,1,0,0.5,1e+21,1e-7,123456789012345680000,0.30000000000000004,-1.5e-10,9007199254740992]',
    );
  });

  it('escapes strings as JSON.stringify does: only quotes, backslashes and control characters', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\t\u0001\u001f\u007f\u2028é😀/' })).toBe('{"s":"a\\"b\\\\c\\n\\t\\u0001\\u001f\u007f\u2028é😀/"}');
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('drops undefined properties, so an absent field and an undefined one hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('hashes', () => {
  it('are SHA-256 in lowercase hex of the canonical JSON', () => {
    expect(contentHash({ b: 1, a: 'x' })).toBe(sha256('{"a":"x","b":1}'));
    expect(titleHash('Kitchen')).toBe(sha256('{"title":"Kitchen"}'));
    expect(replyBodyHash('Yes')).toBe(sha256('{"body":"Yes"}'));
    expect(dissentWordsHash({ title: 'T', body: 'B', alternativeWording: null })).toBe(
      sha256('{"alternativeWording":null,"body":"B","title":"T"}'),
    );
    expect(anchorHash({ start: null, end: null, quote: null })).toBe(sha256('{"end":null,"quote":null,"start":null}'));
  });

  it('of an entry covers every field, the link to the previous entry included', () => {
    const [entry] = chain(1);
    const { hash, ...body } = entry;
    expect(hash).toBe(sha256(canonicalJson(body)));
    for (const change of [{ seq: 2 }, { at: '2026-01-02T00:00:00.000Z' }, { prev: 'x' }, { data: { ...body.data, authorIds: [] } }]) {
      expect(entryHash({ ...body, ...change } as LedgerEntryBody)).not.toBe(hash);
    }
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its length and head', () => {
    const entries = chain(4);
    expect(verifyChain('p', entries)).toEqual({ ok: true, length: 4, head: { seq: 4, hash: entries[3].hash } });
    expect(verifyChain('p', [])).toEqual({ ok: true, length: 0, head: null });
  });

  it('hash-mismatch: an entry altered without re-hashing', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2], actorId: 'someone else' };
    expect(verifyChain('p', entries)).toEqual({ ok: false, length: 4, brokenAt: { seq: 3, problem: 'hash-mismatch' } });
  });

  it('prev-mismatch: an entry altered and re-hashed breaks the link of the next one', () => {
    const entries = chain(4);
    entries[1] = rehash({ ...entries[1], data: { dissentId: 'd', signatureId: 99 } });
    expect(verifyChain('p', entries)).toEqual({ ok: false, length: 4, brokenAt: { seq: 3, problem: 'prev-mismatch' } });
  });

  it('prev-mismatch: the first entry must not name a predecessor', () => {
    const entries = chain(2);
    entries[0] = rehash({ ...entries[0], prev: 'f'.repeat(64) });
    expect(verifyChain('p', entries)).toMatchObject({ ok: false, brokenAt: { seq: 1, problem: 'prev-mismatch' } });
  });

  it('sequence-gap: an entry removed, or one that claims another position or proposal', () => {
    const entries = chain(5);
    expect(verifyChain('p', [...entries.slice(0, 2), ...entries.slice(3)])).toEqual({
      ok: false,
      length: 4,
      brokenAt: { seq: 3, problem: 'sequence-gap' },
    });
    expect(verifyChain('p', [entries[1], entries[0]])).toMatchObject({ ok: false, brokenAt: { seq: 1, problem: 'sequence-gap' } });
    expect(verifyChain('another', entries)).toMatchObject({ ok: false, brokenAt: { seq: 1, problem: 'sequence-gap' } });
  });

  it('stops at the first broken link', () => {
    const entries = chain(5);
    entries[1] = { ...entries[1], at: 'x' };
    entries[3] = { ...entries[3], at: 'y' };
    expect(verifyChain('p', entries)).toMatchObject({ brokenAt: { seq: 2, problem: 'hash-mismatch' } });
  });
});

describe('extendsHead', () => {
  it('holds while the entry at the seen position keeps its hash, however long the chain grows', () => {
    const entries = chain(6);
    const seen = { seq: 3, hash: entries[2].hash };
    expect(extendsHead(entries.slice(0, 3), seen)).toBe(true);
    expect(extendsHead(entries, seen)).toBe(true);
  });

  it('fails for a chain rewritten at or before the seen head, or shorter than it', () => {
    const entries = chain(6);
    const seen = { seq: 3, hash: entries[2].hash };
    const rewritten = chain(6).map((entry, i) => (i === 2 ? rehash({ ...entry, actorId: 'forger' }) : entry));
    expect(extendsHead(rewritten, seen)).toBe(false);
    expect(extendsHead(entries.slice(0, 2), seen)).toBe(false);
    expect(extendsHead(chain(6, 'other'), seen)).toBe(false);
  });
});
