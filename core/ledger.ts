/**
 * A proposal's ledger: an append-only hash chain of everything that happened
 * to it (promise 5). Each entry is hashed as SHA-256 over its RFC 8785
 * canonical JSON, and names the previous entry's hash. Entries carry hashes of
 * content, never content, so that a body can be taken down without breaking
 * the chain. Pure: used by the server (appending, verifying) and the browser
 * (checking that a later chain extends the head it saw).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/** What a ledger entry records. */
export const LEDGER_KINDS = [
  'proposal.created',
  'dissent.filed',
  'dissent.revised',
  'dissent.withdrawn',
  'dissent.signed',
  'dissent.signature_withdrawn',
  'reply.posted',
  'reply.revised',
  'reply.retracted',
  'proposal.status_changed',
  'version.saved',
  'decision.opened',
  'stance.cast',
  'decision.closed',
  'motion.filed',
  'motion.signed',
] as const;

/** A kind of ledger entry. */
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A JSON value as it appears in an entry's data. */
export type LedgerValue = string | number | boolean | null | LedgerValue[] | { [key: string]: LedgerValue };

/** The object that is hashed: everything an entry says, including the link to the previous one. */
export interface LedgerEntryBody {
  /** Format version of entries. */
  v: 1;
  proposalId: string;
  /** Position in the chain, from 1. */
  seq: number;
  kind: LedgerKind;
  /** Who did it. */
  actorId: string;
  /** When, as an ISO 8601 UTC timestamp with milliseconds. */
  at: string;
  /** Ids and hashes of content; never the content itself. */
  data: { [key: string]: LedgerValue };
  /** Hash of the previous entry; null for the first. */
  prev: string | null;
}

/** An entry with its hash, as listed by the API. */
export interface LedgerEntry extends LedgerEntryBody {
  hash: string;
}

/** The last entry of a chain, which commits to all before it. */
export interface LedgerHead {
  seq: number;
  hash: string;
}

/** RFC 8785 canonical JSON of a value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

/** SHA-256 (lowercase hex) of the canonical JSON of a value: how content is referred to in entries. */
export function contentHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}

/** The hash of an entry: SHA-256 over the canonical JSON of its body. */
export function entryHash(body: LedgerEntryBody): string {
  return contentHash(body);
}

/** Why a chain does not verify, at its first broken entry. */
export type LedgerProblem =
  /** The entry's stored hash is not the hash of what it says (the entry was altered). */
  | 'hash-mismatch'
  /** The entry does not name the previous entry's hash (an entry was altered, removed or inserted before it). */
  | 'prev-mismatch'
  /** The entry is not at the position it claims, or names another proposal. */
  | 'sequence-gap'
  /** The content the entry refers to no longer hashes to the recorded value. */
  | 'content-mismatch'
  /**
   * A dissent, reply, revision, withdrawal or signature is stored that no entry records
   * (added behind the ledger's back); reported at the position after the head.
   */
  | 'unrecorded-row';

/** Result of verifying a chain. */
export type LedgerVerification =
  | { ok: true; length: number; head: LedgerHead | null }
  | { ok: false; length: number; brokenAt: { seq: number; problem: LedgerProblem } };

/**
 * Verifies a chain given in order: every entry at its position, hashing to
 * its stored hash and naming its predecessor's. Stops at the first broken link.
 */
export function verifyChain(proposalId: string, entries: readonly LedgerEntry[]): LedgerVerification {
  let prev: string | null = null;
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    const { hash, ...body } = entry;
    if (body.seq !== seq || body.proposalId !== proposalId) {
      return { ok: false, length: entries.length, brokenAt: { seq, problem: 'sequence-gap' } };
    }
    if (entryHash(body) !== hash) return { ok: false, length: entries.length, brokenAt: { seq, problem: 'hash-mismatch' } };
    if (body.prev !== prev) return { ok: false, length: entries.length, brokenAt: { seq, problem: 'prev-mismatch' } };
    prev = hash;
  }
  const last = entries.at(-1);
  return { ok: true, length: entries.length, head: last ? { seq: last.seq, hash: last.hash } : null };
}

/**
 * Whether `chain` (in order) extends a head seen earlier: the entry at the
 * head's position still has the hash that was seen. A browser keeps the last
 * head it saw and warns when this turns false.
 */
export function extendsHead(chain: readonly Pick<LedgerEntry, 'seq' | 'hash'>[], seen: LedgerHead): boolean {
  const entry = chain[seen.seq - 1];
  return entry !== undefined && entry.seq === seen.seq && entry.hash === seen.hash;
}
