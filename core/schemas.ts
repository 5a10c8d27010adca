/**
 * Input schemas shared by the browser (form checks) and the server (the
 * authoritative validation at every edge), so that both speak the same limits.
 */
import { z } from 'zod';
import { ROLES } from './roles';

/** Limits on user-supplied text and lists. */
export const LIMITS = {
  assemblyName: 120,
  assemblyDescription: 2000,
  proposalTitle: 200,
  coAuthors: 20,
  personName: 100,
  invitationMaxUses: 1000,
  invitationMaxHours: 24 * 30,
  passwordMin: 10,
  passwordMax: 128,
} as const;

const trimmed = (max: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is at most ${max} characters`);

/** A person's display name. */
export const personNameSchema = trimmed(LIMITS.personName, 'Name');

/** An opaque identifier in a path or body. */
export const idSchema = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');

/** Body of "create an assembly". */
export const createAssemblySchema = z.strictObject({
  name: trimmed(LIMITS.assemblyName, 'Name'),
  description: z.string().trim().max(LIMITS.assemblyDescription).default(''),
});
export type CreateAssemblyInput = z.infer<typeof createAssemblySchema>;

/** Body of "create an invitation link". */
export const createInvitationSchema = z.strictObject({
  role: z.enum(ROLES).default('member'),
  expiresInHours: z.number().int().min(1).max(LIMITS.invitationMaxHours).default(24 * 7),
  maxUses: z.number().int().min(1).max(LIMITS.invitationMaxUses).default(1),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Body of "change a member's role". */
export const changeRoleSchema = z.strictObject({ role: z.enum(ROLES) });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

/** Body of "create a proposal". */
export const createProposalSchema = z.strictObject({
  title: trimmed(LIMITS.proposalTitle, 'Title'),
  coAuthorIds: z.array(idSchema).max(LIMITS.coAuthors).default([]),
});
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

/** Query of the assembly log listing. */
export const logQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An invitation token as it appears in a link. */
export const invitationTokenSchema = z.string().trim().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/, 'not a valid invitation');
