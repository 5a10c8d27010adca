import type { LedgerEntry } from '@/core/ledger';

/** A closed decision of a proposal, as its ledger tells it. */
export interface ClosedRound {
  decisionId: string;
  round: number;
  outcome: 'adopted' | 'rejected' | null;
  /** ISO 8601 UTC, when the closing was recorded. */
  closedAt: string;
  /** Seq of its 'decision.closed' entry. */
  seq: number;
}

/**
 * Every decision of a proposal that closed, oldest first, read from its
 * ledger. An entry records ids, not rounds: a decision's round is the one
 * the last stage change before its closing names (opening the decision is
 * such a change, within the round); without one, its order among closings.
 */
export function closedRounds(entries: readonly LedgerEntry[]): ClosedRound[] {
  const rounds: ClosedRound[] = [];
  let round: number | null = null;
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.kind === 'proposal.status_changed' && typeof entry.data.round === 'number') round = entry.data.round;
    if (entry.kind !== 'decision.closed' || typeof entry.data.decisionId !== 'string') continue;
    const outcome = entry.data.outcome === 'adopted' || entry.data.outcome === 'rejected' ? entry.data.outcome : null;
    rounds.push({ decisionId: entry.data.decisionId, round: round ?? rounds.length + 1, outcome, closedAt: entry.at, seq: entry.seq });
  }
  return rounds;
}

/**
 * Whether the chain as read now still holds the head a record was pinned
 * to: the entry at that seq carries that hash. (Verifying the chain shows
 * every link holds; this shows the record's head is one of them.)
 */
export function holdsPinnedHead(entries: readonly Pick<LedgerEntry, 'seq' | 'hash'>[], head: { seq: number; hash: string }): boolean {
  return entries.some((entry) => entry.seq === head.seq && entry.hash === head.hash);
}
