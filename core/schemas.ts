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
  dissentTitle: 200,
  dissentBody: 20_000,
  alternativeWording: 5_000,
  replyBody: 10_000,
  versionName: 120,
  motionReason: 2_000,
  /** Encoded Yjs relative position, base64. */
  anchorPosition: 512,
} as const;

// A lone surrogate cannot be stored as UTF-8 (the database would store U+FFFD instead, so a
// hash taken of the words as sent would no longer match them) and NUL is refused by PostgreSQL.
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;

/** Whether a string can be stored and read back exactly (no lone surrogate, no NUL). */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

const trimmed = (max: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is at most ${max} characters`)
    .refine((value) => isStorableText(value), { error: `${what} contains characters that cannot be stored` });

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

/** An encoded Yjs relative position (Y.encodeRelativePosition), in base64. */
export const relativePositionSchema = z
  .string()
  .min(1)
  .max(LIMITS.anchorPosition)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not a base64 relative position');

/** Where a dissent points: a passage between two relative positions, or null for the whole proposal. */
export const dissentAnchorInputSchema = z.strictObject({ start: relativePositionSchema, end: relativePositionSchema }).nullable();

const dissentWordsShape = {
  title: trimmed(LIMITS.dissentTitle, 'Title'),
  body: trimmed(LIMITS.dissentBody, 'Body'),
  alternativeWording: z
    .string()
    .trim()
    .max(LIMITS.alternativeWording, `Alternative wording is at most ${LIMITS.alternativeWording} characters`)
    .refine((value) => isStorableText(value), { error: 'Alternative wording contains characters that cannot be stored' })
    .nullish()
    .transform((value) => (value ? value : null)),
};

/** Body of "file a dissent". Title and body in Markdown; the alternative wording is optional. */
export const fileDissentSchema = z.strictObject({ ...dissentWordsShape, anchor: dissentAnchorInputSchema.default(null) });
export type FileDissentInput = z.infer<typeof fileDissentSchema>;

/** Body of "revise a dissent": its new words (the anchor stays). */
export const reviseDissentSchema = z.strictObject(dissentWordsShape);
export type ReviseDissentInput = z.infer<typeof reviseDissentSchema>;

/** Body of "reply in a dissent's thread", optionally to another reply. */
export const postReplySchema = z.strictObject({
  body: trimmed(LIMITS.replyBody, 'Reply'),
  parentReplyId: idSchema.nullish().transform((value) => value ?? null),
});
export type PostReplyInput = z.infer<typeof postReplySchema>;

/** Body of "revise a reply". */
export const reviseReplySchema = z.strictObject({ body: trimmed(LIMITS.replyBody, 'Reply') });
export type ReviseReplyInput = z.infer<typeof reviseReplySchema>;

/** Body of "I have read the dissents up to here". */
export const markDissentsSeenSchema = z.strictObject({ seq: z.number().int().min(0) });

/** Body of "save a named version of the text". */
export const saveVersionSchema = z.strictObject({ name: trimmed(LIMITS.versionName, 'Name') });
export type SaveVersionInput = z.infer<typeof saveVersionSchema>;

/** Body of "move to reopen an adopted or rejected proposal". */
export const reopeningMotionSchema = z.strictObject({ reason: trimmed(LIMITS.motionReason, 'Reason') });
export type ReopeningMotionInput = z.infer<typeof reopeningMotionSchema>;

/** Body of "move the proposal on": the stage changes its authors ask for directly. */
export const steerProposalSchema = z.strictObject({ transition: z.enum(['open-deliberation', 'withdraw']) });

/** Query of a record: a given decision's, else the latest that closed. */
export const recordQuerySchema = z.strictObject({ decisionId: idSchema.optional() });
