/**
 * The database schema (PostgreSQL dialect, served by PGlite and PostgreSQL alike).
 * Migrations in drizzle/ are generated from this file by `npm run db:generate`.
 */
import {
  bigint,
  bigserial,
  customType,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../core/roles';
import type { ProposalStatus } from '../../core/proposal-status';
import type { AssemblyLogAction } from '../../core/assembly-log';
import type { LedgerEntryBody, LedgerKind } from '../../core/ledger';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ---- Accounts (the four tables better-auth expects) ----

export const user = pgTable('user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const account = pgTable(
  'account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_user_idx').on(t.userId)],
);

export const verification = pgTable(
  'verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/**
 * better-auth's rate-limit counters (sign-in, sign-up, password reset), kept in the database
 * rather than in each process, so that several nodes share one limit per client address.
 */
export const rateLimit = pgTable('rate_limit', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  /** Milliseconds since the epoch of the last counted request. */
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

// ---- Assemblies ----

export const assembly = pgTable('assembly', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by')
    .notNull()
    .references(() => user.id),
  createdAt: createdAt(),
});

/** Current memberships. Changes are recorded in {@link assemblyLog}, which is the history. */
export const membership = pgTable(
  'membership',
  {
    assemblyId: text('assembly_id')
      .notNull()
      .references(() => assembly.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    role: text('role').$type<Role>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assemblyId, t.userId] }), index('membership_user_idx').on(t.userId)],
);

/** Invitation links. Only a hash of the token is stored: the link is shown once, to its creator. */
export const invitation = pgTable(
  'invitation',
  {
    id: text('id').primaryKey(),
    assemblyId: text('assembly_id')
      .notNull()
      .references(() => assembly.id),
    tokenHash: text('token_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    maxUses: integer('max_uses').notNull(),
    useCount: integer('use_count').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by').references(() => user.id),
  },
  (t) => [uniqueIndex('invitation_token_hash_idx').on(t.tokenHash), index('invitation_assembly_idx').on(t.assemblyId)],
);

/** Append-only log of membership and steward actions, visible to the assembly's members. */
export const assemblyLog = pgTable(
  'assembly_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assemblyId: text('assembly_id')
      .notNull()
      .references(() => assembly.id),
    actorId: text('actor_id')
      .notNull()
      .references(() => user.id),
    action: text('action').$type<AssemblyLogAction>().notNull(),
    subjectUserId: text('subject_user_id').references(() => user.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('assembly_log_assembly_idx').on(t.assemblyId, t.id)],
);

// ---- Proposals ----

export const proposal = pgTable(
  'proposal',
  {
    id: text('id').primaryKey(),
    assemblyId: text('assembly_id')
      .notNull()
      .references(() => assembly.id),
    title: text('title').notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('draft'),
    /** Deliberation round: 1 at creation, one more at each reopening. */
    round: integer('round').notNull().default(1),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_assembly_idx').on(t.assemblyId, t.lastActivityAt)],
);

/** A proposal's authors: its creator and the co-authors they named. */
export const proposalAuthor = pgTable(
  'proposal_author',
  {
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

// ---- Proposal text (Yjs) ----

/** Binary column; PGlite reads it back as Uint8Array, node-postgres as Buffer: both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** Update log: every committed Yjs update of a proposal's text, in commit order (id). */
export const docUpdate = pgTable(
  'doc_update',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    /**
     * Position of this update in its proposal's text, 1, 2, 3, … without gaps, assigned by the
     * append from `doc_sequence` (so rows of one text commit in this order, whichever node wrote
     * them): a node that hears of seq n + 2 while holding n knows what it missed.
     */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('doc_update_proposal_seq_idx').on(t.proposalId, t.seq)],
);

/** The last sequence number given to an update of each proposal's text (see `doc_update.seq`). */
export const docSequence = pgTable('doc_sequence', {
  proposalId: text('proposal_id')
    .primaryKey()
    .references(() => proposal.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

/** The merged state of a proposal's text up to the log rows compaction folded into it. */
export const docSnapshot = pgTable('doc_snapshot', {
  proposalId: text('proposal_id')
    .primaryKey()
    .references(() => proposal.id),
  state: bytea('state').notNull(),
  /** How many log rows have been folded into this snapshot, over its whole life. */
  mergedUpdates: bigint('merged_updates', { mode: 'number' }).notNull().default(0),
  /** The highest `doc_update.seq` folded into this snapshot (0: none). */
  throughSeq: bigint('through_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every table the auth adapter manages, by the model names better-auth uses. */
export const authSchema = { user, session, account, verification, rateLimit };

// ---- Ledger (promise 5) ----

/**
 * A proposal's append-only hash chain. `entry` is the object that was hashed
 * (RFC 8785 canonical JSON, SHA-256 in `hash`); it carries hashes of content,
 * never content, and the previous entry's hash. Rows are only ever added.
 */
export const ledgerEntry = pgTable(
  'ledger_entry',
  {
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    /** Position in the chain, from 1. */
    seq: integer('seq').notNull(),
    kind: text('kind').$type<LedgerKind>().notNull(),
    entry: jsonb('entry').$type<LedgerEntryBody>().notNull(),
    hash: text('hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.seq] })],
);

// ---- Dissents (promise 1): authoritative rows are append-only ----

/** A dissent: who filed it, on which proposal, anchored where. Its words are in {@link dissentRevision}. */
export const dissent = pgTable(
  'dissent',
  {
    id: text('id').primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id),
    /** Encoded Yjs relative positions of the passage; both null for a dissent on the whole proposal. */
    anchorStart: bytea('anchor_start'),
    anchorEnd: bytea('anchor_end'),
    /** Quote selector computed by the server at filing: the exact text and some text either side. */
    quoteExact: text('quote_exact'),
    quotePrefix: text('quote_prefix'),
    quoteSuffix: text('quote_suffix'),
    /** State vector of the committed text the anchor was resolved against (the version it judged). */
    anchoredTextState: bytea('anchored_text_state'),
    createdAt: createdAt(),
  },
  (t) => [index('dissent_proposal_idx').on(t.proposalId, t.createdAt)],
);

/** Every revision of a dissent's words; revision 1 is the filing. */
export const dissentRevision = pgTable(
  'dissent_revision',
  {
    dissentId: text('dissent_id')
      .notNull()
      .references(() => dissent.id),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    /** Markdown, sanitised when rendered. */
    body: text('body').notNull(),
    alternativeWording: text('alternative_wording'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.dissentId, t.revision] })],
);

/** A dissent's withdrawal by its author: it stays in the record, marked withdrawn. */
export const dissentWithdrawal = pgTable('dissent_withdrawal', {
  dissentId: text('dissent_id')
    .primaryKey()
    .references(() => dissent.id),
  createdAt: createdAt(),
});

/** Co-signatures given and taken back, in order; a member's last row says whether they sign now. */
export const dissentSignature = pgTable(
  'dissent_signature',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dissentId: text('dissent_id')
      .notNull()
      .references(() => dissent.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    action: text('action').$type<'sign' | 'unsign'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('dissent_signature_dissent_idx').on(t.dissentId, t.id)],
);

/** A reply in a dissent's thread, possibly to another reply. Its words are in {@link replyRevision}. */
export const dissentReply = pgTable(
  'dissent_reply',
  {
    id: text('id').primaryKey(),
    dissentId: text('dissent_id')
      .notNull()
      .references(() => dissent.id),
    parentReplyId: text('parent_reply_id'),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('dissent_reply_dissent_idx').on(t.dissentId, t.createdAt)],
);

/** Every revision of a reply; revision 1 is the posting. */
export const replyRevision = pgTable(
  'reply_revision',
  {
    replyId: text('reply_id')
      .notNull()
      .references(() => dissentReply.id),
    revision: integer('revision').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.replyId, t.revision] })],
);

/** A reply retracted by its author: shown as a tombstone, its history kept. */
export const replyRetraction = pgTable('reply_retraction', {
  replyId: text('reply_id')
    .primaryKey()
    .references(() => dissentReply.id),
  createdAt: createdAt(),
});

/**
 * How far each member has read a proposal's dissents (the ledger position they
 * last saw). A per-reader cache for "new to me", not part of the record.
 */
export const dissentReading = pgTable(
  'dissent_reading',
  {
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    seenSeq: integer('seen_seq').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

// ---- Deliberation rounds: versions, decisions, stances, reopening (promise 4) ----

/** Every status change of a proposal, in order (the proposal row holds only the current one). Append-only. */
export const proposalTransition = pgTable(
  'proposal_transition',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    /** The round the proposal is in after the change (a reopening starts the next). */
    round: integer('round').notNull(),
    transition: text('transition').notNull(),
    fromStatus: text('from_status').$type<ProposalStatus>().notNull(),
    toStatus: text('to_status').$type<ProposalStatus>().notNull(),
    /** Null when the system made it (a decision closing at its deadline). */
    actorId: text('actor_id').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('proposal_transition_proposal_idx').on(t.proposalId, t.id)],
);

/** A frozen copy of a proposal's text: saved by a member, or taken when a decision opens. Append-only. */
export const proposalVersion = pgTable(
  'proposal_version',
  {
    id: text('id').primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    round: integer('round').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'named' | 'decision'>().notNull(),
    /** The Yjs state of the text (Y.encodeStateAsUpdate of the committed document). */
    yjsState: bytea('yjs_state').notNull(),
    /** The same text as ProseMirror JSON of the TipTap schema. */
    pmJson: jsonb('pm_json').$type<Record<string, unknown>>().notNull(),
    /** SHA-256 of the text's canonical ProseMirror JSON. */
    textHash: text('text_hash').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('proposal_version_proposal_idx').on(t.proposalId, t.createdAt)],
);

/** A decision opened on a frozen version, with the rule, eligible members and deadline frozen with it. Append-only. */
export const decision = pgTable(
  'decision',
  {
    id: text('id').primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    round: integer('round').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => proposalVersion.id),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    /** Ids of the members who may take a stance (writers at the moment it opened). */
    eligibleIds: jsonb('eligible_ids').$type<string[]>().notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    openedBy: text('opened_by')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('decision_proposal_idx').on(t.proposalId, t.round), index('decision_deadline_idx').on(t.deadline)],
);

/** How a decision closed: once, by its primary key. Append-only. */
export const decisionClosing = pgTable('decision_closing', {
  decisionId: text('decision_id')
    .primaryKey()
    .references(() => decision.id),
  outcome: text('outcome').$type<'adopted' | 'rejected'>().notNull(),
  tally: jsonb('tally').$type<Record<string, unknown>>().notNull(),
  /** 'deadline' or 'early' (by the authors, once every eligible member had a stance). */
  reason: text('reason').$type<'deadline' | 'early'>().notNull(),
  closedBy: text('closed_by').references(() => user.id),
  createdAt: createdAt(),
});

/** Every stance taken and changed, in order; a member's last row in a decision is their stance. Append-only. */
export const stance = pgTable(
  'stance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    decisionId: text('decision_id')
      .notNull()
      .references(() => decision.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    choice: text('choice').$type<'agree' | 'abstain' | 'disagree' | 'block'>().notNull(),
    reason: text('reason').notNull().default(''),
    affectedness: integer('affectedness').notNull(),
    /** The version judged (the decision's frozen version). */
    versionId: text('version_id')
      .notNull()
      .references(() => proposalVersion.id),
    createdAt: createdAt(),
  },
  (t) => [index('stance_decision_idx').on(t.decisionId, t.id)],
);

/** A motion to reopen an adopted or rejected proposal. Append-only. */
export const reopenMotion = pgTable(
  'reopen_motion',
  {
    id: text('id').primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposal.id),
    /** The round it asks to reopen. */
    round: integer('round').notNull(),
    moverId: text('mover_id')
      .notNull()
      .references(() => user.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reopen_motion_proposal_idx').on(t.proposalId, t.round)],
);

/** Co-signatures of reopening motions (the mover's included). Append-only. */
export const reopenMotionSignature = pgTable(
  'reopen_motion_signature',
  {
    motionId: text('motion_id')
      .notNull()
      .references(() => reopenMotion.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.userId] })],
);

/** An assembly's decision settings (mutable: each decision freezes a copy when it opens). */
export const assemblyDecisionSettings = pgTable('assembly_decision_settings', {
  assemblyId: text('assembly_id')
    .primaryKey()
    .references(() => assembly.id),
  rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
  /** Signatures a reopening motion needs, the mover's included. */
  reopenSignatures: integer('reopen_signatures').notNull().default(2),
  /** Guidance the assembly writes for each level of affectedness (0-3). */
  affectednessGuidance: jsonb('affectedness_guidance').$type<string[]>().notNull(),
  defaultDeadlineHours: integer('default_deadline_hours').notNull().default(72),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
