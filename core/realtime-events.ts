/**
 * Live application events (socket.io), shared by the server and the browser.
 * A client subscribes to an assembly or a proposal; the server then pushes
 * the events of that room. Events carry ids and small summaries: clients
 * re-read what they show through the API, where every rule applies.
 */
import { z } from 'zod';
import type { ProposalStatus } from './proposal-status';
import type { Role } from './roles';
import { idSchema } from './schemas';

/** socket.io path, on the same port as the app. */
export const REALTIME_PATH = '/socket.io';

/** Client → server: join the room of an assembly or of a proposal (acknowledged). */
export const SUBSCRIBE = 'subscribe';
/** Client → server: leave such a room. */
export const UNSUBSCRIBE = 'unsubscribe';
/**
 * Server → client: events may have been missed (the server lost its link to
 * the other nodes for a while): re-read what is shown. A proposal's events
 * also carry their ledger `seq`, so a client can tell which it missed and
 * read them with `GET /api/proposals/:id/ledger?after=<seq>`.
 */
export const RESYNC = 'resync';

/** Payload of {@link SUBSCRIBE} and {@link UNSUBSCRIBE}. */
export const subscriptionSchema = z.union([
  z.strictObject({ assemblyId: idSchema }),
  z.strictObject({ proposalId: idSchema }),
]);
export type Subscription = z.infer<typeof subscriptionSchema>;

/** Events of an assembly's room. */
export type AssemblyEvent =
  | { type: 'proposal.created'; assemblyId: string; proposalId: string; title: string; status: ProposalStatus }
  | { type: 'member.joined'; assemblyId: string; userId: string; role: Role }
  | { type: 'member.left'; assemblyId: string; userId: string }
  | { type: 'member.removed'; assemblyId: string; userId: string }
  | { type: 'member.role_changed'; assemblyId: string; userId: string; role: Role }
  | { type: 'proposal.dissents_changed'; assemblyId: string; proposalId: string; standing: number }
  | { type: 'proposal.status_changed'; assemblyId: string; proposalId: string; status: ProposalStatus; round: number };

/** Every event type, for clients that listen to all. */
export const ASSEMBLY_EVENT_TYPES = [
  'proposal.created',
  'member.joined',
  'member.left',
  'member.removed',
  'member.role_changed',
  'proposal.dissents_changed',
  'proposal.status_changed',
] as const satisfies readonly AssemblyEvent['type'][];

/** Events of a proposal's room about its dissents and replies. */
export const DISSENT_EVENT_TYPES = [
  'dissent.filed',
  'dissent.revised',
  'dissent.withdrawn',
  'dissent.signed',
  'dissent.unsigned',
  'reply.posted',
  'reply.revised',
  'reply.retracted',
] as const;

/** Events of a proposal's room about its rounds: status, versions, the decision, stances, reopening. */
export const ROUND_EVENT_TYPES = [
  'proposal.status_changed',
  'version.saved',
  'decision.opened',
  'stance.cast',
  'decision.closed',
  'motion.filed',
  'motion.signed',
] as const;

/** Every event of a proposal's room. */
export const PROPOSAL_EVENT_TYPES = [...DISSENT_EVENT_TYPES, ...ROUND_EVENT_TYPES] as const;

/** A dissent event: ids and the ledger entry that recorded it; clients re-read the dissents. */
export interface DissentEvent {
  type: (typeof DISSENT_EVENT_TYPES)[number];
  assemblyId: string;
  proposalId: string;
  dissentId: string;
  replyId?: string;
  actorId: string;
  ledger: { seq: number; hash: string };
}

/** A round event: what changed (ids) and the ledger entry that recorded it; clients re-read the proposal. */
export interface RoundEvent {
  type: (typeof ROUND_EVENT_TYPES)[number];
  assemblyId: string;
  proposalId: string;
  /** Null when the system acted (a decision closing at its deadline). */
  actorId: string | null;
  ledger: { seq: number; hash: string };
  status?: ProposalStatus;
  round?: number;
  versionId?: string;
  decisionId?: string;
  motionId?: string;
}

/** Any event of a proposal's room. */
export type ProposalEvent = DissentEvent | RoundEvent;

/** Any live event. */
export type LiveEvent = AssemblyEvent | ProposalEvent;

/** Whether an event belongs to a proposal's room rather than its assembly's. */
export function isProposalEvent(event: LiveEvent): event is ProposalEvent {
  // 'proposal.status_changed' exists in both rooms; the proposal room's carries a ledger entry.
  return (PROPOSAL_EVENT_TYPES as readonly string[]).includes(event.type) && 'ledger' in event;
}

/** The room name of an assembly or a proposal. */
export function roomOf(subscription: Subscription): string {
  return 'assemblyId' in subscription ? `assembly:${subscription.assemblyId}` : `proposal:${subscription.proposalId}`;
}
