import { asc, eq, inArray } from 'drizzle-orm';
import { allowedTransitions } from '../../core/proposal-lifecycle';
import { everyoneHasStance } from '../../core/tally';
import type { Db } from '../db/database';
import { reopenMotion, reopenMotionSignature, user } from '../db/schema';
import { readDecisionSettings } from './decision-settings';
import { loadDecisionState } from './decision-state';
import { readableProposal } from './dissent-guard';
import { isProposalAuthor } from './proposal-authors';

/**
 * A proposal's round as members see it: status and round, the latest
 * decision (frozen rule, eligible members, deadline, closing), everyone's
 * current stance and the tally (both counts), the caller's stance and what
 * they may do, the reopening motions of this round, and the assembly's
 * guidance on affectedness. Any member.
 */
export async function getDecision(db: Db, userId: string, proposalId: string) {
  const proposal = await readableProposal(db, proposalId, userId);
  const [state, settings, isAuthor] = await Promise.all([
    loadDecisionState(db, proposalId),
    readDecisionSettings(db, proposal.assemblyId),
    isProposalAuthor(db, proposalId, userId),
  ]);
  const names = new Map<string, string>();
  const ids = new Set([...(state?.decision.eligibleIds ?? [])]);
  const motions = await db.select().from(reopenMotion).where(eq(reopenMotion.proposalId, proposalId)).orderBy(asc(reopenMotion.createdAt));
  const signatures =
    motions.length === 0
      ? []
      : await db
          .select()
          .from(reopenMotionSignature)
          .where(inArray(reopenMotionSignature.motionId, motions.map((m) => m.id)))
          .orderBy(asc(reopenMotionSignature.createdAt));
  for (const m of motions) ids.add(m.moverId);
  for (const s of signatures) ids.add(s.userId);
  if (ids.size > 0) {
    for (const row of await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, [...ids]))) names.set(row.id, row.name);
  }
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  const stances = state
    ? [...state.stances.values()].map((s) => ({
        member: { id: s.userId, name: s.name },
        choice: s.choice,
        affectedness: s.affectedness,
        reason: s.reason || null,
        versionId: s.versionId,
        at: s.at.toISOString(),
        changes: s.changes,
      }))
    : [];
  const open = Boolean(state && !state.closing && proposal.status === 'decision');
  return {
    status: proposal.status,
    round: proposal.round,
    decision: state
      ? {
          id: state.decision.id,
          round: state.decision.round,
          versionId: state.decision.versionId,
          rule: state.rule,
          eligible: state.decision.eligibleIds.map(person),
          deadline: state.decision.deadline.toISOString(),
          openedAt: state.decision.createdAt.toISOString(),
          open,
          closing: state.closing
            ? { outcome: state.closing.outcome, reason: state.closing.reason, closedAt: state.closing.createdAt.toISOString() }
            : null,
          tally: state.closing ? state.closing.tally : state.tally,
          everyoneHasStance: everyoneHasStance(state.decision.eligibleIds, state.stances),
        }
      : null,
    stances,
    myStance: stances.find((s) => s.member.id === userId) ?? null,
    canStand: open && Boolean(state?.decision.eligibleIds.includes(userId)),
    allowedActions: allowedTransitions(proposal.status, { isAuthor, role: proposal.role }),
    motions: motions.map((m) => ({
      id: m.id,
      round: m.round,
      mover: person(m.moverId),
      reason: m.reason,
      signers: signatures.filter((s) => s.motionId === m.id).map((s) => person(s.userId)),
      createdAt: m.createdAt.toISOString(),
    })),
    settings: { affectednessGuidance: settings.affectednessGuidance, reopenSignatures: settings.reopenSignatures, rule: settings.rule },
  };
}
