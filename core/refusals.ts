/**
 * Every refusal Plenary words for people, by reason. Services throw
 * `refuse(reason)`; the error body carries the reason, so that the interface
 * can show the refusal in the reader's language (messages/*.json,
 * `errors.reasons.<REASON>`) while API clients read the English message.
 */
import { AppError, type ErrorCode } from './errors';

const refusal = (code: ErrorCode, message: string) => ({ code, message });

/** The refusals, with their error code and English message. */
export const REFUSALS = {
  // Edge of the API
  SIGN_IN_REQUIRED: refusal('UNAUTHENTICATED', 'Sign in to do this.'),
  ORIGIN_REFUSED: refusal('FORBIDDEN', 'This request must come from a page of this Plenary server (Origin header).'),
  NOT_JSON: refusal('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).'),
  MALFORMED_JSON: refusal('BAD_REQUEST', 'The request body is not valid JSON.'),
  BODY_TOO_LARGE: refusal('PAYLOAD_TOO_LARGE', 'The request body is too large.'),
  INVALID_INPUT: refusal('VALIDATION_FAILED', 'Invalid input.'),
  // Assemblies and membership
  ASSEMBLY_NOT_FOUND: refusal('NOT_FOUND', 'Assembly not found.'),
  NOT_A_MEMBER: refusal('NOT_FOUND', 'That person is not a member of this assembly.'),
  OBSERVERS_CANNOT_INVITE: refusal('FORBIDDEN', 'Observers cannot invite.'),
  OBSERVERS_CANNOT_CREATE_PROPOSALS: refusal('FORBIDDEN', 'Observers cannot create proposals.'),
  STEWARDS_ONLY_INVITE_STEWARDS: refusal('FORBIDDEN', 'Only stewards can invite stewards.'),
  STEWARDS_ONLY_CHANGE_ROLES: refusal('FORBIDDEN', 'Only stewards can change roles.'),
  STEWARDS_ONLY_REMOVE_MEMBERS: refusal('FORBIDDEN', 'Only stewards can remove members.'),
  LAST_STEWARD: refusal('CONFLICT', 'An assembly needs at least one steward: name another steward first.'),
  LAST_STEWARD_LEAVING: refusal('CONFLICT', 'You are the last steward: name another steward before leaving.'),
  USE_LEAVE_INSTEAD: refusal('BAD_REQUEST', 'To leave the assembly yourself, use "leave".'),
  // Invitations
  INVITATION_INVALID: refusal('NOT_FOUND', 'This invitation link is not valid.'),
  INVITATION_NOT_FOUND: refusal('NOT_FOUND', 'Invitation not found.'),
  INVITATION_REVOKED: refusal('GONE', 'This invitation was revoked.'),
  INVITATION_EXPIRED: refusal('GONE', 'This invitation has expired.'),
  INVITATION_USED_UP: refusal('GONE', 'This invitation has already been used.'),
  INVITATION_ALREADY_REVOKED: refusal('CONFLICT', 'This invitation is already revoked.'),
  REVOKE_NOT_ALLOWED: refusal('FORBIDDEN', 'Only stewards and the member who created it can revoke an invitation.'),
  ALREADY_MEMBER: refusal('CONFLICT', 'You are already a member of this assembly.'),
  // Proposals
  PROPOSAL_NOT_FOUND: refusal('NOT_FOUND', 'Proposal not found.'),
  INVALID_CO_AUTHORS: refusal('VALIDATION_FAILED', 'Co-authors must be members of this assembly who may write (not observers).'),
  // Lifecycle: stages, closing the decision, reopening motions
  TRANSITION_NOT_ALLOWED: refusal('CONFLICT', 'This proposal cannot make that change at its current stage.'),
  ONLY_AUTHORS_STEER: refusal('FORBIDDEN', "Only the proposal's authors can open deliberation, open or close the decision, or withdraw it."),
  OBSERVERS_CANNOT_STEER: refusal('FORBIDDEN', 'Observers cannot steer a proposal or sign a reopening motion.'),
  DECIDED_BY_TALLY: refusal('FORBIDDEN', 'A proposal is adopted or rejected only by closing its decision: the tally decides.'),
  STANCES_MISSING: refusal('CONFLICT', 'The decision can close before its deadline only once every eligible member has taken a stance.'),
  MOTION_NOT_CARRIED: refusal('CONFLICT', 'Reopening needs a motion signed by enough members.'),
  NO_OPEN_DECISION: refusal('CONFLICT', "This proposal has no open decision."),
  NOT_ELIGIBLE_TO_STAND: refusal('FORBIDDEN', "Only the members who could write when the decision opened take a stance in it."),
  DEADLINE_INVALID: refusal('VALIDATION_FAILED', "The deadline must be between one minute and one year from now."),
  MOTION_NOT_FOUND: refusal('NOT_FOUND', "Reopening motion not found."),
  MOTION_ALREADY_SIGNED: refusal('CONFLICT', "You already signed this motion."),
  MOTION_CLOSED: refusal('CONFLICT', "This motion no longer applies: the proposal has moved on."),
  STEWARDS_ONLY_DECISION_SETTINGS: refusal('FORBIDDEN', "Only stewards can change how the assembly decides."),
  // Dissents, replies and co-signatures
  OBSERVERS_CANNOT_DISSENT: refusal('FORBIDDEN', 'Observers can read dissents but cannot file, reply to or co-sign them.'),
  PROPOSAL_CLOSED_TO_DISSENT: refusal('CONFLICT', 'This proposal no longer takes dissents, replies or signatures.'),
  ANCHOR_NOT_IN_TEXT: refusal('VALIDATION_FAILED', 'The selected passage is not in the saved text. Wait until your edits are saved, then select it again.'),
  DISSENT_NOT_FOUND: refusal('NOT_FOUND', 'Dissent not found.'),
  ONLY_DISSENT_AUTHOR: refusal('FORBIDDEN', 'Only the author of a dissent can revise or withdraw it.'),
  DISSENT_WITHDRAWN: refusal('CONFLICT', 'This dissent was withdrawn by its author.'),
  REVISION_UNCHANGED: refusal('CONFLICT', 'This revision changes nothing.'),
  AUTHOR_CANNOT_CO_SIGN: refusal('CONFLICT', 'The author of a dissent already stands behind it.'),
  ALREADY_SIGNED: refusal('CONFLICT', 'You already co-sign this dissent.'),
  NOT_SIGNED: refusal('CONFLICT', 'You do not co-sign this dissent.'),
  REPLY_NOT_FOUND: refusal('NOT_FOUND', 'Reply not found.'),
  ONLY_REPLY_AUTHOR: refusal('FORBIDDEN', 'Only the author of a reply can revise or retract it.'),
  REPLY_RETRACTED: refusal('CONFLICT', 'This reply was retracted by its author.'),
  // Versions
  OBSERVERS_CANNOT_SAVE_VERSIONS: refusal('FORBIDDEN', 'Observers cannot save versions.'),
  VERSION_NOT_FOUND: refusal('NOT_FOUND', 'Version not found.'),
  RECORD_NOT_FOUND: refusal('NOT_FOUND', 'This proposal has no record yet: no decision on it has closed.'),
  // Accounts (the auth library's codes, reworded)
  USER_ALREADY_EXISTS: refusal('CONFLICT', 'An account with this email already exists. Sign in instead, or reset your password.'),
  INVALID_EMAIL_OR_PASSWORD: refusal('UNAUTHENTICATED', 'The email or password is wrong.'),
  PASSWORD_TOO_SHORT: refusal('VALIDATION_FAILED', 'The password is too short: use at least 10 characters.'),
  PASSWORD_TOO_LONG: refusal('VALIDATION_FAILED', 'The password is too long: use at most 128 characters.'),
  INVALID_PASSWORD: refusal('VALIDATION_FAILED', 'The current password is wrong.'),
  INVALID_TOKEN: refusal('VALIDATION_FAILED', 'This reset link is invalid or has expired. Ask for a new one.'),
  RATE_LIMITED: refusal('RATE_LIMITED', 'Too many attempts from this address. Wait a little and try again.'),
} as const;

/** A reason for a refusal. */
export type RefusalReason = keyof typeof REFUSALS;

/** Whether `value` names a known refusal. */
export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && Object.hasOwn(REFUSALS, value);
}

/**
 * The error to throw for a refusal. `message` replaces the English wording
 * when the situation has specifics worth telling API clients.
 */
export function refuse(reason: RefusalReason, options: { message?: string; details?: unknown } = {}): AppError {
  const { code, message } = REFUSALS[reason];
  return new AppError(code, options.message ?? message, { details: options.details, reason });
}
