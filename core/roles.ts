/**
 * Membership roles and what each may do. The single source of these rules:
 * services ask {@link can}; the UI asks it too, to hide what would be refused.
 */

/** Roles a member can hold in an assembly. */
export const ROLES = ['steward', 'member', 'observer'] as const;

/** A role in an assembly. */
export type Role = (typeof ROLES)[number];

/** Actions whose permission depends on the role alone. */
export type RoleAction =
  | 'read'
  | 'invite'
  | 'invite-as-steward'
  | 'revoke-any-invitation'
  | 'change-role'
  | 'remove-member'
  | 'create-proposal'
  | 'co-author'
  | 'change-decision-settings';

const ALLOWED: Record<Role, ReadonlySet<RoleAction>> = {
  steward: new Set<RoleAction>([
    'read',
    'invite',
    'invite-as-steward',
    'revoke-any-invitation',
    'change-role',
    'remove-member',
    'create-proposal',
    'co-author',
    'change-decision-settings',
  ]),
  member: new Set<RoleAction>(['read', 'invite', 'create-proposal', 'co-author']),
  observer: new Set<RoleAction>(['read']),
};

/** Whether a member holding `role` may perform `action`. */
export function can(role: Role, action: RoleAction): boolean {
  return ALLOWED[role].has(action);
}

/** Whether a member holding `inviterRole` may hand out an invitation carrying `invitedRole`. */
export function canInviteAs(inviterRole: Role, invitedRole: Role): boolean {
  if (!can(inviterRole, 'invite')) return false;
  return invitedRole !== 'steward' || can(inviterRole, 'invite-as-steward');
}
