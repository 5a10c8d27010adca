/** Kinds of entries in an assembly's log: who did what to the membership and when. */
export const ASSEMBLY_LOG_ACTIONS = [
  'assembly.created',
  'invitation.created',
  'invitation.revoked',
  'member.joined',
  'member.left',
  'member.role_changed',
  'member.removed',
  'proposal.created',
  'decision_settings.changed',
] as const;

/** One kind of assembly log entry. */
export type AssemblyLogAction = (typeof ASSEMBLY_LOG_ACTIONS)[number];
