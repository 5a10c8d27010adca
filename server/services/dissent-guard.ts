import { and, eq } from 'drizzle-orm';
import type { Role } from '../../core/roles';
import { refuse, type RefusalReason } from '../../core/refusals';
import type { Queryable } from '../db/database';
import { dissent, dissentReply, dissentWithdrawal, membership, proposal, replyRetraction } from '../db/schema';
import { lockProposal, type LockedProposal } from './ledger-writer';

/** A proposal locked for a dissent write, with the caller's role in its assembly. */
export interface OpenProposal {
  proposal: LockedProposal;
  role: Role;
}

async function roleOr(tx: Queryable, assemblyId: string, userId: string, notFound: RefusalReason): Promise<Role> {
  const [row] = await tx
    .select({ role: membership.role })
    .from(membership)
    .where(and(eq(membership.assemblyId, assemblyId), eq(membership.userId, userId)));
  // Outsiders are told the thing does not exist, so that nothing about the assembly leaks.
  if (!row) throw refuse(notFound);
  return row.role;
}

/**
 * Locks a proposal (first, always: every dissent write takes the same lock,
 * in the same order, and the ledger append needs it) and reads the caller's
 * role. Non-members get `notFound`.
 */
export async function openProposal(
  tx: Queryable,
  proposalId: string,
  userId: string,
  notFound: RefusalReason = 'PROPOSAL_NOT_FOUND',
): Promise<OpenProposal> {
  let locked: LockedProposal;
  try {
    locked = await lockProposal(tx, proposalId);
  } catch (error) {
    if (notFound !== 'PROPOSAL_NOT_FOUND') throw refuse(notFound);
    throw error;
  }
  return { proposal: locked, role: await roleOr(tx, locked.assemblyId, userId, notFound) };
}

/** A dissent opened for a write: its row, whether it is withdrawn, and its proposal locked. */
export interface OpenDissent extends OpenProposal {
  dissent: typeof dissent.$inferSelect;
  withdrawn: boolean;
}

/** Opens a dissent for a write by `userId` (404 for a dissent that does not exist or that they may not see). */
export async function openDissent(tx: Queryable, dissentId: string, userId: string): Promise<OpenDissent> {
  const [row] = await tx.select().from(dissent).where(eq(dissent.id, dissentId));
  if (!row) throw refuse('DISSENT_NOT_FOUND');
  const opened = await openProposal(tx, row.proposalId, userId, 'DISSENT_NOT_FOUND');
  const [withdrawal] = await tx.select().from(dissentWithdrawal).where(eq(dissentWithdrawal.dissentId, dissentId));
  return { ...opened, dissent: row, withdrawn: Boolean(withdrawal) };
}

/** A reply opened for a write: its row, whether it is retracted, and its dissent's proposal locked. */
export interface OpenReply extends OpenProposal {
  reply: typeof dissentReply.$inferSelect;
  retracted: boolean;
}

/** Opens a reply for a write by `userId` (404 for a reply that does not exist or that they may not see). */
export async function openReply(tx: Queryable, replyId: string, userId: string): Promise<OpenReply> {
  const [row] = await tx
    .select({ reply: dissentReply, proposalId: dissent.proposalId })
    .from(dissentReply)
    .innerJoin(dissent, eq(dissent.id, dissentReply.dissentId))
    .where(eq(dissentReply.id, replyId));
  if (!row) throw refuse('REPLY_NOT_FOUND');
  const opened = await openProposal(tx, row.proposalId, userId, 'REPLY_NOT_FOUND');
  const [retraction] = await tx.select().from(replyRetraction).where(eq(replyRetraction.replyId, replyId));
  return { ...opened, reply: row.reply, retracted: Boolean(retraction) };
}

/**
 * For reads: a proposal's assembly and status and the caller's role, without
 * locking. Members (observers too) may read; others get `notFound`.
 */
export async function readableProposal(db: Queryable, proposalId: string, userId: string, notFound: RefusalReason = 'PROPOSAL_NOT_FOUND') {
  const [row] = await db
    .select({ id: proposal.id, assemblyId: proposal.assemblyId, status: proposal.status, round: proposal.round, role: membership.role })
    .from(proposal)
    .innerJoin(membership, and(eq(membership.assemblyId, proposal.assemblyId), eq(membership.userId, userId)))
    .where(eq(proposal.id, proposalId));
  if (!row) throw refuse(notFound);
  return row;
}
