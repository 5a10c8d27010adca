import { extendsHead, type LedgerEntry, type LedgerHead } from '@/core/ledger';

/**
 * The browser's memory of a proposal's ledger (promise 5): the last head
 * this browser saw, kept in localStorage per proposal, so that a chain that
 * no longer extends it (history rewritten, even by whoever runs the server)
 * is noticed on the next visit.
 */

const PREFIX = 'plenary.ledger-head.';

function isHead(value: unknown): value is LedgerHead {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, hash } = value as Partial<LedgerHead>;
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 1 && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash);
}

/** The head last seen for a proposal, or null (never seen, storage unavailable or unreadable). */
export function rememberedHead(proposalId: string): LedgerHead | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + proposalId);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isHead(parsed) ? { seq: parsed.seq, hash: parsed.hash } : null;
  } catch {
    return null;
  }
}

/** Remembers `head` as the last one seen (storage full or disabled: the check is simply skipped next time). */
export function rememberHead(proposalId: string, head: LedgerHead): void {
  try {
    window.localStorage.setItem(PREFIX + proposalId, JSON.stringify({ seq: head.seq, hash: head.hash }));
  } catch {
    // Private browsing or a full storage: nothing to keep, nothing to warn about later.
  }
}

/** What comparing a chain with the remembered head found. */
export type HeadCheck =
  /** Nothing remembered yet: the chain's head is now remembered. */
  | { kind: 'first' }
  /** The chain extends what was seen (or is the same): its head is now remembered. */
  | { kind: 'extends' }
  /** The chain does not contain the head seen earlier: history changed since. */
  | { kind: 'rewritten'; seen: LedgerHead; current: LedgerHead | null };

/**
 * Compares a freshly read chain with the remembered head. A chain that
 * extends it moves the memory forward; one that does not leaves the memory
 * as it is, so that the warning stays until the member acknowledges it
 * ({@link acknowledgeHead}) rather than vanishing after one look.
 */
export function checkChain(proposalId: string, chain: readonly Pick<LedgerEntry, 'seq' | 'hash'>[]): HeadCheck {
  const last = chain.at(-1);
  const current = last ? { seq: last.seq, hash: last.hash } : null;
  const seen = rememberedHead(proposalId);
  if (!seen) {
    if (current) rememberHead(proposalId, current);
    return { kind: 'first' };
  }
  if (!extendsHead(chain, seen)) return { kind: 'rewritten', seen, current };
  if (current && current.seq > seen.seq) rememberHead(proposalId, current);
  return { kind: 'extends' };
}

/** The member has read the warning: the current head becomes the one remembered. */
export function acknowledgeHead(proposalId: string, current: LedgerHead | null): void {
  if (current) rememberHead(proposalId, current);
  else {
    try {
      window.localStorage.removeItem(PREFIX + proposalId);
    } catch {
      // Nothing stored, nothing to forget.
    }
  }
}
