import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { canTakePart } from '../../core/dissent-rules';
import { contentHash } from '../../core/ledger';
import { requestTransition } from '../../core/proposal-lifecycle';
import { refuse } from '../../core/refusals';
import type { OpenDecisionInput } from '../../core/decision-rules';
import type { Db } from '../db/database';
import { decision, membership } from '../db/schema';
import { readDecisionSettings } from './decision-settings';
import { openProposal } from './dissent-guard';
import { appendLedgerEntry } from './ledger-writer';
import { isProposalAuthor } from './proposal-authors';
import { announceRoundChange } from './round-events';
import { recordTransition } from './transition-writer';
import { captureVersion } from './version-capture';

const MINUTE = 60_000;
const YEAR = 365 * 24 * 60 * MINUTE;

/**
 * Opens the decision on a proposal in deliberation (its authors only): in one
 * transaction under the proposal's lock, freezes the committed text into a
 * version, freezes the rule (the assembly's, or the one given), the eligible
 * members (those who may write now) and the deadline, and moves the proposal
 * to `decision`, each with its ledger entry. From the commit on, the sync
 * server refuses every update to the text (its check runs inside the
 * persisting statement and waits on this lock), so the version is exactly the
 * text everyone is asked to judge.
 */
export async function openDecision(db: Db, actorId: string, proposalId: string, input: OpenDecisionInput, now = new Date()) {
  const opened = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, proposalId, actorId);
    const to = requestTransition(proposal.status, 'open-decision', { isAuthor: await isProposalAuthor(tx, proposalId, actorId), role });
    const settings = await readDecisionSettings(tx, proposal.assemblyId);
    const rule = input.rule ?? settings.rule;
    const deadline = input.deadline ? new Date(input.deadline) : new Date(now.getTime() + settings.defaultDeadlineHours * 60 * MINUTE);
    const ahead = deadline.getTime() - now.getTime();
    if (!(ahead >= MINUTE && ahead <= YEAR)) throw refuse('DEADLINE_INVALID');
    const members = await tx
      .select({ userId: membership.userId, role: membership.role })
      .from(membership)
      .where(eq(membership.assemblyId, proposal.assemblyId));
    // Eligible: those who may take part in the proposal's deliberation (core/dissent-rules), not observers.
    const eligibleIds = members.filter((m) => canTakePart(m.role)).map((m) => m.userId).sort();
    const version = await captureVersion(tx, proposal, { name: `Round ${proposal.round}: decision`, kind: 'decision', actorId });
    const decisionId = randomUUID();
    await tx.insert(decision).values({
      id: decisionId,
      proposalId,
      round: proposal.round,
      versionId: version.id,
      rule: rule as unknown as Record<string, unknown>,
      eligibleIds,
      deadline,
      openedBy: actorId,
    });
    const decisionEntry = await appendLedgerEntry(tx, {
      proposalId,
      kind: 'decision.opened',
      actorId,
      data: {
        decisionId,
        versionId: version.id,
        textHash: version.textHash,
        ruleHash: contentHash(rule),
        eligibleIds,
        deadline: deadline.toISOString(),
      },
    });
    const recorded = await recordTransition(tx, proposal, 'open-decision', to, actorId);
    return { assemblyId: proposal.assemblyId, decisionId, versionId: version.id, decisionEntry, recorded, deadline };
  });
  const { assemblyId, decisionId, versionId, recorded } = opened;
  announceRoundChange({ type: 'decision.opened', assemblyId, proposalId, actorId, decisionId, versionId, entry: opened.decisionEntry });
  announceRoundChange({ type: 'proposal.status_changed', assemblyId, proposalId, actorId, status: recorded.status, round: recorded.round, entry: recorded.entry });
  return { decisionId, versionId, deadline: opened.deadline.toISOString(), status: recorded.status };
}
