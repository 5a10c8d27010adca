/**
 * The life of a proposal (DESIGN.md, "Proposal"): a pure state machine over
 * the statuses of core/proposal-status.ts, and who may ask for which change.
 *
 *   draft ──open-deliberation──▶ deliberation ──open-decision──▶ decision
 *   decision ──adopt | reject──▶ adopted | rejected   (closing: the tally picks)
 *   draft | deliberation ──withdraw──▶ withdrawn       (final)
 *   adopted | rejected ──reopen──▶ deliberation        (a new round)
 *
 * Authors steer: they open deliberation and the decision, and may withdraw.
 * Nobody chooses adopt or reject: the decision closes, at its deadline or
 * early by its authors once every eligible member has a stance, and the tally
 * decides. Reopening follows a carried motion (core/reopening-motion.ts).
 * Stewards get no say over anyone's proposal: steering is the authors' alone.
 */
import { isAppError } from './errors';
import type { ProposalStatus } from './proposal-status';
import { refuse } from './refusals';
import { can, type Role } from './roles';

/** Every change of status, with the statuses it leaves from and the one it leads to. */
export const TRANSITIONS = {
  'open-deliberation': { from: ['draft'], to: 'deliberation' },
  'open-decision': { from: ['deliberation'], to: 'decision' },
  adopt: { from: ['decision'], to: 'adopted' },
  reject: { from: ['decision'], to: 'rejected' },
  withdraw: { from: ['draft', 'deliberation'], to: 'withdrawn' },
  reopen: { from: ['adopted', 'rejected'], to: 'deliberation' },
} as const satisfies Record<string, { from: readonly ProposalStatus[]; to: ProposalStatus }>;

/** A named change of status. */
export type Transition = keyof typeof TRANSITIONS;

/** The transitions that close a decision. */
export type ClosingTransition = 'adopt' | 'reject';

/** Whether `transition` can leave from `status`. */
export function canTransition(status: ProposalStatus, transition: Transition): boolean {
  return (TRANSITIONS[transition].from as readonly ProposalStatus[]).includes(status);
}

/** The status `transition` leads to from `status`; refuses a transition that cannot leave from there. */
export function nextStatus(status: ProposalStatus, transition: Transition): ProposalStatus {
  if (!canTransition(status, transition)) {
    throw refuse('TRANSITION_NOT_ALLOWED', {
      message: `A proposal in ${status} cannot ${transition}.`,
      details: { status, transition },
    });
  }
  return TRANSITIONS[transition].to;
}

/** The round a proposal is in after `transition`: reopening starts a new one. */
export function roundAfter(round: number, transition: Transition): number {
  return transition === 'reopen' ? round + 1 : round;
}

/** The person asking: whether they are one of the proposal's authors, and their role in the assembly. */
export interface Steerer {
  isAuthor: boolean;
  role: Role;
}

/** Refuses unless `who` may steer the proposal: an author who may still write (not an observer). */
export function requireSteering(who: Steerer): void {
  // An author since made an observer keeps their name on the proposal but reads only.
  if (!can(who.role, 'co-author')) throw refuse('OBSERVERS_CANNOT_STEER');
  if (!who.isAuthor) throw refuse('ONLY_AUTHORS_STEER');
}

/** Refuses unless a member holding `role` may move or co-sign a reopening motion on a proposal in `status`. */
export function requireMotionSigner(status: ProposalStatus, role: Role): void {
  nextStatus(status, 'reopen');
  if (!can(role, 'co-author')) throw refuse('OBSERVERS_CANNOT_STEER');
}

/**
 * Checks that `who` may make `transition` from `status` now and returns the
 * status it leads to. `adopt` and `reject` are refused: they come only from
 * {@link closeDecision}. `reopen` needs `motionCarried` (see
 * core/reopening-motion.ts); `who` is then whoever's signature carried it.
 */
export function requestTransition(
  status: ProposalStatus,
  transition: Transition,
  who: Steerer,
  facts: { motionCarried?: boolean } = {},
): ProposalStatus {
  const to = nextStatus(status, transition);
  if (transition === 'adopt' || transition === 'reject') throw refuse('DECIDED_BY_TALLY');
  if (transition === 'reopen') {
    requireMotionSigner(status, who.role);
    if (!facts.motionCarried) throw refuse('MOTION_NOT_CARRIED');
    return to;
  }
  requireSteering(who);
  return to;
}

/** Who closes a decision: the system at its deadline, or its authors early. */
export type Closer = { by: 'deadline' } | { by: 'authors'; who: Steerer; everyoneHasStance: boolean };

/**
 * Closes a decision with the outcome the tally gives (core/tally.ts): checks
 * the closer, and returns the transition to ledger and the new status. Once
 * closed, the proposal is no longer in `decision`, so a second close is refused.
 */
export function closeDecision(
  status: ProposalStatus,
  outcome: 'adopted' | 'rejected',
  closer: Closer,
): { transition: ClosingTransition; status: ProposalStatus } {
  const transition: ClosingTransition = outcome === 'adopted' ? 'adopt' : 'reject';
  const to = nextStatus(status, transition);
  if (closer.by === 'authors') {
    requireSteering(closer.who);
    // Before the deadline, closing must not cut anyone short of their say.
    if (!closer.everyoneHasStance) throw refuse('STANCES_MISSING');
  }
  return { transition, status: to };
}

/**
 * What a person can ask for, for the interface. `close-decision` is closing
 * early (adopt or reject, as the tally says); `reopen` is moving or co-signing
 * a reopening motion.
 */
export type LifecycleAction = 'open-deliberation' | 'open-decision' | 'close-decision' | 'withdraw' | 'reopen';

const ACTION_CHECKS: Record<LifecycleAction, (status: ProposalStatus, who: Steerer) => unknown> = {
  'open-deliberation': (status, who) => requestTransition(status, 'open-deliberation', who),
  'open-decision': (status, who) => requestTransition(status, 'open-decision', who),
  // Offered whether or not everyone has a stance yet: the interface says who is missing.
  'close-decision': (status, who) => closeDecision(status, 'adopted', { by: 'authors', who, everyoneHasStance: true }),
  withdraw: (status, who) => requestTransition(status, 'withdraw', who),
  reopen: (status, who) => requireMotionSigner(status, who.role),
};

/** The actions `who` may take on a proposal in `status`, asked of the same rules the services enforce. */
export function allowedTransitions(status: ProposalStatus, who: Steerer): LifecycleAction[] {
  return (Object.keys(ACTION_CHECKS) as LifecycleAction[]).filter((action) => {
    try {
      ACTION_CHECKS[action](status, who);
      return true;
    } catch (error) {
      // Only a refusal means "not allowed"; anything else is a bug to surface.
      if (isAppError(error)) return false;
      throw error;
    }
  });
}
