import type { LedgerEntry } from '../../core/ledger';
import type { DissentEvent } from '../../core/realtime-events';
import type { Queryable } from '../db/database';
import { publish } from '../realtime/event-bus';
import { countStanding } from './dissent-rows';

/** A committed change to a dissent or a reply, to announce. */
export interface DissentChange {
  type: DissentEvent['type'];
  assemblyId: string;
  proposalId: string;
  dissentId: string;
  replyId?: string;
  actorId: string;
  entry: LedgerEntry;
}

/**
 * Tells the proposal's room what changed (after the commit: nobody hears of a
 * write that did not happen) and, when the number of standing dissents may
 * have changed, tells the assembly's room the new count for its proposal list.
 */
export async function announceDissentChange(db: Queryable, change: DissentChange, standingChanged: boolean): Promise<void> {
  const { entry, ...rest } = change;
  publish({ ...rest, ledger: { seq: entry.seq, hash: entry.hash } });
  if (!standingChanged) return;
  const standing = await countStanding(db, change.proposalId);
  publish({ type: 'proposal.dissents_changed', assemblyId: change.assemblyId, proposalId: change.proposalId, standing });
}
