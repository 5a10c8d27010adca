import { eq, inArray } from 'drizzle-orm';
import { contentHash, type LedgerEntry } from '../../core/ledger';
import { reasonHash, versionNameHash } from '../../core/ledger-content';
import type { Queryable } from '../db/database';
import { decision, decisionClosing, proposalTransition, proposalVersion, reopenMotion, reopenMotionSignature, stance } from '../db/schema';
import type { UnrecordedRow } from './ledger-coverage';
import { SYSTEM_ACTOR } from './transition-writer';

/** Keys of what the round entries record: each stored row must find its own, content included. */
export function roundKeys(entries: readonly LedgerEntry[]): string[] {
  const keys: string[] = [];
  for (const { kind, actorId, data: d } of entries) {
    if (kind === 'proposal.status_changed') keys.push(`proposal_transition:${d.transition}:${d.from}:${d.to}:${d.round}:${actorId}`);
    if (kind === 'version.saved') keys.push(`proposal_version:${d.versionId}:${d.kind}:${d.round}:${d.nameHash}:${d.textHash}:${actorId}`);
    if (kind === 'decision.opened') {
      const eligible = Array.isArray(d.eligibleIds) ? d.eligibleIds.join(',') : '';
      keys.push(`decision:${d.decisionId}:${d.versionId}:${d.ruleHash}:${eligible}:${d.deadline}:${actorId}`);
    }
    if (kind === 'decision.closed') keys.push(`decision_closing:${d.decisionId}:${d.outcome}:${d.reason}:${actorId}`);
    if (kind === 'stance.cast') {
      keys.push(`stance:${d.stanceId}:${d.decisionId}:${d.choice}:${d.affectedness}:${d.versionId}:${d.reasonHash}:${actorId}`);
    }
    if (kind === 'motion.filed') {
      keys.push(`reopen_motion:${d.motionId}:${d.round}:${d.reasonHash}:${actorId}`, `reopen_motion_signature:${d.motionId}:${actorId}`);
    }
    if (kind === 'motion.signed') keys.push(`reopen_motion_signature:${d.motionId}:${actorId}`);
  }
  return keys;
}

/** Every round row of a proposal, with the key its entry must have recorded. */
export async function roundRows(db: Queryable, proposalId: string): Promise<[UnrecordedRow, string][]> {
  const [transitions, versions, decisions, motions] = await Promise.all([
    db.select().from(proposalTransition).where(eq(proposalTransition.proposalId, proposalId)),
    db.select().from(proposalVersion).where(eq(proposalVersion.proposalId, proposalId)),
    db.select().from(decision).where(eq(decision.proposalId, proposalId)),
    db.select().from(reopenMotion).where(eq(reopenMotion.proposalId, proposalId)),
  ]);
  const decisionIds = decisions.map((d) => d.id);
  const motionIds = motions.map((m) => m.id);
  const [closings, stances, signatures] = await Promise.all([
    decisionIds.length ? db.select().from(decisionClosing).where(inArray(decisionClosing.decisionId, decisionIds)) : [],
    decisionIds.length ? db.select().from(stance).where(inArray(stance.decisionId, decisionIds)) : [],
    motionIds.length ? db.select().from(reopenMotionSignature).where(inArray(reopenMotionSignature.motionId, motionIds)) : [],
  ]);
  const row = (table: string, id: string | number, key: string): [UnrecordedRow, string] => [{ table, id: String(id) }, key];
  return [
    ...transitions.map((t) =>
      row('proposal_transition', t.id, `proposal_transition:${t.transition}:${t.fromStatus}:${t.toStatus}:${t.round}:${t.actorId ?? SYSTEM_ACTOR}`),
    ),
    ...versions.map((v) =>
      row('proposal_version', v.id, `proposal_version:${v.id}:${v.kind}:${v.round}:${versionNameHash(v.name)}:${contentHash(v.pmJson)}:${v.createdBy}`),
    ),
    ...decisions.map((d) =>
      row('decision', d.id, `decision:${d.id}:${d.versionId}:${contentHash(d.rule)}:${d.eligibleIds.join(',')}:${d.deadline.toISOString()}:${d.openedBy}`),
    ),
    ...closings.map((c) => row('decision_closing', c.decisionId, `decision_closing:${c.decisionId}:${c.outcome}:${c.reason}:${c.closedBy ?? SYSTEM_ACTOR}`)),
    ...stances.map((s) =>
      row('stance', s.id, `stance:${s.id}:${s.decisionId}:${s.choice}:${s.affectedness}:${s.versionId}:${reasonHash(s.reason)}:${s.userId}`),
    ),
    ...motions.map((m) => row('reopen_motion', m.id, `reopen_motion:${m.id}:${m.round}:${reasonHash(m.reason)}:${m.moverId}`)),
    ...signatures.map((s) => row('reopen_motion_signature', `${s.motionId}:${s.userId}`, `reopen_motion_signature:${s.motionId}:${s.userId}`)),
  ];
}
