/**
 * The rules of dissents, replies and co-signatures (promise 1): pure, so that
 * the services enforce them and the interface asks them, from one place.
 * Nobody but the author of a dissent or a reply can change it, whatever their
 * role; observers read only.
 */
import type { ProposalStatus } from './proposal-status';
import { refuse } from './refusals';
import { can, type Role } from './roles';

/** Stages in which dissents may be filed, revised, withdrawn, replied to and co-signed. */
export const DISSENT_OPEN_STATUSES: readonly ProposalStatus[] = ['draft', 'deliberation', 'decision'];

/** Whether a proposal in `status` takes dissents, replies and signatures. */
export function isOpenToDissent(status: ProposalStatus): boolean {
  return DISSENT_OPEN_STATUSES.includes(status);
}

/** Whether a member holding `role` may file, reply to and co-sign dissents (observers may not). */
export function canTakePart(role: Role): boolean {
  return can(role, 'create-proposal');
}

/** Refuses unless the caller may take part in a proposal's dissents now. */
export function requireParticipation(role: Role, status: ProposalStatus): void {
  if (!canTakePart(role)) throw refuse('OBSERVERS_CANNOT_DISSENT');
  if (!isOpenToDissent(status)) throw refuse('PROPOSAL_CLOSED_TO_DISSENT');
}

/** Refuses unless the caller wrote the dissent: the only person who may revise or withdraw it. */
export function requireDissentAuthor(dissent: { authorId: string }, callerId: string): void {
  if (dissent.authorId !== callerId) throw refuse('ONLY_DISSENT_AUTHOR');
}

/** Refuses unless the caller wrote the reply: the only person who may revise or retract it. */
export function requireReplyAuthor(reply: { authorId: string }, callerId: string): void {
  if (reply.authorId !== callerId) throw refuse('ONLY_REPLY_AUTHOR');
}

/** One co-signature row: given or taken back, in the order they happened. */
export interface SignatureAction {
  userId: string;
  action: 'sign' | 'unsign';
  at: Date;
}

/** Who co-signs now, with when they last signed: each member's last action decides. */
export function currentSigners(actions: readonly SignatureAction[]): Map<string, Date> {
  const signers = new Map<string, Date>();
  for (const { userId, action, at } of actions) {
    if (action === 'sign') signers.set(userId, at);
    else signers.delete(userId);
  }
  return signers;
}

/** Refuses a co-signature or its withdrawal that would change nothing, or that the author asks for. */
export function checkSignatureChange(
  dissent: { authorId: string; withdrawn: boolean },
  callerId: string,
  signsNow: boolean,
  wantsToSign: boolean,
): void {
  if (dissent.authorId === callerId) throw refuse('AUTHOR_CANNOT_CO_SIGN');
  if (wantsToSign && dissent.withdrawn) throw refuse('DISSENT_WITHDRAWN');
  if (wantsToSign && signsNow) throw refuse('ALREADY_SIGNED');
  if (!wantsToSign && !signsNow) throw refuse('NOT_SIGNED');
}
