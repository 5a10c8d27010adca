import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import {
  TRANSITIONS,
  allowedTransitions,
  canTransition,
  closeDecision,
  nextStatus,
  requestTransition,
  requireMotionSigner,
  roundAfter,
  type Steerer,
  type Transition,
} from '../../core/proposal-lifecycle';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../core/proposal-status';
import { REFUSALS } from '../../core/refusals';
import {
  DEFAULT_REOPENING_SIGNATURES,
  isMotionCarried,
  motionSignatures,
  reopeningSignaturesSchema,
} from '../../core/reopening-motion';

function reasonOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.reason : String(error);
  }
}

const author: Steerer = { isAuthor: true, role: 'member' };
const member: Steerer = { isAuthor: false, role: 'member' };
const steward: Steerer = { isAuthor: false, role: 'steward' };
const observer: Steerer = { isAuthor: false, role: 'observer' };
const demotedAuthor: Steerer = { isAuthor: true, role: 'observer' };

/** The whole machine, written out once by hand: [from, transition, to]. */
const ALLOWED: [ProposalStatus, Transition, ProposalStatus][] = [
  ['draft', 'open-deliberation', 'deliberation'],
  ['draft', 'withdraw', 'withdrawn'],
  ['deliberation', 'open-decision', 'decision'],
  ['deliberation', 'withdraw', 'withdrawn'],
  ['decision', 'adopt', 'adopted'],
  ['decision', 'reject', 'rejected'],
  ['adopted', 'reopen', 'deliberation'],
  ['rejected', 'reopen', 'deliberation'],
];
const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];
const REFUSED = PROPOSAL_STATUSES.flatMap((status) =>
  TRANSITION_NAMES.filter((t) => !ALLOWED.some(([from, name]) => from === status && name === t)).map(
    (t) => [status, t] as const,
  ),
);

describe('proposal lifecycle: the state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, transition, to) => {
    expect(canTransition(from, transition)).toBe(true);
    expect(nextStatus(from, transition)).toBe(to);
  });

  it.each(REFUSED)('refuses %s --%s-->', (from, transition) => {
    expect(canTransition(from, transition)).toBe(false);
    expect(reasonOf(() => nextStatus(from, transition))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('covers every status and transition, and refuses as a 409 naming them', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(PROPOSAL_STATUSES.length * TRANSITION_NAMES.length);
    expect(REFUSED.filter(([from]) => from === 'withdrawn')).toHaveLength(TRANSITION_NAMES.length);
    try {
      nextStatus('withdrawn', 'reopen');
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).details).toEqual({ status: 'withdrawn', transition: 'reopen' });
    }
    expect(REFUSALS.ONLY_AUTHORS_STEER.code).toBe('FORBIDDEN');
  });

  it('starts a new round only on reopening', () => {
    expect(roundAfter(1, 'reopen')).toBe(2);
    expect(TRANSITION_NAMES.filter((t) => roundAfter(3, t) !== 3)).toEqual(['reopen']);
  });
});

describe('proposal lifecycle: who may ask', () => {
  it.each(['open-deliberation', 'withdraw'] as const)('lets only writing authors %s a draft', (transition) => {
    expect(requestTransition('draft', transition, author)).toBe(TRANSITIONS[transition].to);
    expect(requestTransition('draft', transition, { isAuthor: true, role: 'steward' })).toBe(TRANSITIONS[transition].to);
    expect(reasonOf(() => requestTransition('draft', transition, member))).toBe('ONLY_AUTHORS_STEER');
    expect(reasonOf(() => requestTransition('draft', transition, steward))).toBe('ONLY_AUTHORS_STEER');
    expect(reasonOf(() => requestTransition('draft', transition, observer))).toBe('OBSERVERS_CANNOT_STEER');
    expect(reasonOf(() => requestTransition('draft', transition, demotedAuthor))).toBe('OBSERVERS_CANNOT_STEER');
  });

  it.each(['open-decision', 'withdraw'] as const)('lets only authors %s in deliberation', (transition) => {
    expect(requestTransition('deliberation', transition, author)).toBe(TRANSITIONS[transition].to);
    expect(reasonOf(() => requestTransition('deliberation', transition, steward))).toBe('ONLY_AUTHORS_STEER');
  });

  it('refuses an impossible transition before asking who is asking', () => {
    expect(reasonOf(() => requestTransition('decision', 'withdraw', member))).toBe('TRANSITION_NOT_ALLOWED');
    expect(reasonOf(() => requestTransition('withdrawn', 'open-deliberation', author))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it.each(['adopt', 'reject'] as const)('lets nobody %s directly: the tally decides', (transition) => {
    expect(reasonOf(() => requestTransition('decision', transition, author))).toBe('DECIDED_BY_TALLY');
    expect(reasonOf(() => requestTransition('decision', transition, steward))).toBe('DECIDED_BY_TALLY');
  });

  it('reopens on a carried motion only, for any writing member', () => {
    expect(requestTransition('adopted', 'reopen', member, { motionCarried: true })).toBe('deliberation');
    expect(requestTransition('rejected', 'reopen', author, { motionCarried: true })).toBe('deliberation');
    expect(reasonOf(() => requestTransition('adopted', 'reopen', member))).toBe('MOTION_NOT_CARRIED');
    expect(reasonOf(() => requestTransition('adopted', 'reopen', author, { motionCarried: false }))).toBe(
      'MOTION_NOT_CARRIED',
    );
    expect(reasonOf(() => requestTransition('adopted', 'reopen', observer, { motionCarried: true }))).toBe(
      'OBSERVERS_CANNOT_STEER',
    );
    expect(reasonOf(() => requireMotionSigner('rejected', 'steward'))).toBeUndefined();
    expect(reasonOf(() => requireMotionSigner('deliberation', 'member'))).toBe('TRANSITION_NOT_ALLOWED');
    expect(reasonOf(() => requireMotionSigner('withdrawn', 'member'))).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('proposal lifecycle: closing a decision', () => {
  it('closes at the deadline with whatever outcome the tally gives', () => {
    expect(closeDecision('decision', 'adopted', { by: 'deadline' })).toEqual({ transition: 'adopt', status: 'adopted' });
    expect(closeDecision('decision', 'rejected', { by: 'deadline' })).toEqual({ transition: 'reject', status: 'rejected' });
  });

  it('lets authors close early only once every eligible member has a stance', () => {
    const early = (who: Steerer, everyoneHasStance: boolean) => () =>
      closeDecision('decision', 'adopted', { by: 'authors', who, everyoneHasStance });
    expect(reasonOf(early(author, true))).toBeUndefined();
    expect(reasonOf(early(author, false))).toBe('STANCES_MISSING');
    expect(reasonOf(early(steward, true))).toBe('ONLY_AUTHORS_STEER');
    expect(reasonOf(early(demotedAuthor, true))).toBe('OBSERVERS_CANNOT_STEER');
  });

  it('closes exactly once', () => {
    const { status } = closeDecision('decision', 'rejected', { by: 'deadline' });
    expect(reasonOf(() => closeDecision(status, 'rejected', { by: 'deadline' }))).toBe('TRANSITION_NOT_ALLOWED');
    expect(reasonOf(() => closeDecision('deliberation', 'adopted', { by: 'deadline' }))).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('proposal lifecycle: what the interface offers', () => {
  it.each([
    ['draft', author, ['open-deliberation', 'withdraw']],
    ['deliberation', author, ['open-decision', 'withdraw']],
    ['decision', author, ['close-decision']],
    ['adopted', author, ['reopen']],
    ['rejected', member, ['reopen']],
    ['adopted', steward, ['reopen']],
    ['withdrawn', author, []],
    ['draft', member, []],
    ['deliberation', steward, []],
    ['decision', steward, []],
    ['adopted', observer, []],
    ['deliberation', demotedAuthor, []],
  ] as const)('in %s offers %o: %o', (status, who, actions) => {
    expect(allowedTransitions(status, who)).toEqual(actions);
  });
});

describe('reopening motions', () => {
  it('carries with at least N signatures, the mover included (default 2)', () => {
    expect(DEFAULT_REOPENING_SIGNATURES).toBe(2);
    expect(isMotionCarried({ moverId: 'a', coSignerIds: [] })).toBe(false);
    expect(isMotionCarried({ moverId: 'a', coSignerIds: ['b'] })).toBe(true);
    expect(isMotionCarried({ moverId: 'a', coSignerIds: ['b'] }, 3)).toBe(false);
    expect(isMotionCarried({ moverId: 'a', coSignerIds: ['b', 'c'] }, 3)).toBe(true);
    expect(isMotionCarried({ moverId: 'a', coSignerIds: [] }, 1)).toBe(true);
  });

  it('counts each person once, the mover signing again included', () => {
    expect(motionSignatures({ moverId: 'a', coSignerIds: ['a', 'b', 'b'] })).toBe(2);
    expect(isMotionCarried({ moverId: 'a', coSignerIds: ['a'] })).toBe(false);
  });

  it('counts only current members when told who they are', () => {
    const motion = { moverId: 'a', coSignerIds: ['b', 'gone'] };
    expect(motionSignatures(motion, ['a', 'b'])).toBe(2);
    expect(isMotionCarried(motion, 3, ['a', 'b'])).toBe(false);
    expect(isMotionCarried({ moverId: 'gone', coSignerIds: ['b'] }, 2, ['a', 'b'])).toBe(false);
  });

  it('never carries unsigned, whatever the setting', () => {
    expect(isMotionCarried({ moverId: 'gone', coSignerIds: [] }, 0, ['a'])).toBe(false);
  });

  it('validates the setting', () => {
    expect(reopeningSignaturesSchema.parse(undefined)).toBe(2);
    expect(reopeningSignaturesSchema.parse(5)).toBe(5);
    expect(reopeningSignaturesSchema.safeParse(0).success).toBe(false);
    expect(reopeningSignaturesSchema.safeParse(1.5).success).toBe(false);
  });
});
