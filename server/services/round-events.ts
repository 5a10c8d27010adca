import type { LedgerEntry } from '../../core/ledger';
import type { RoundEvent } from '../../core/realtime-events';
import { publish } from '../realtime/event-bus';

/** A committed change to a proposal's round, to announce. */
export type RoundChange = Omit<RoundEvent, 'ledger'> & { entry: LedgerEntry };

/**
 * Tells the proposal's room what changed (after the commit), and, for a status
 * change, the assembly's room too, whose proposal list shows statuses.
 */
export function announceRoundChange(change: RoundChange): void {
  const { entry, ...rest } = change;
  publish({ ...rest, ledger: { seq: entry.seq, hash: entry.hash } });
  if (change.type === 'proposal.status_changed' && change.status && change.round !== undefined) {
    publish({ type: 'proposal.status_changed', assemblyId: change.assemblyId, proposalId: change.proposalId, status: change.status, round: change.round });
  }
}
