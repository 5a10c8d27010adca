import type { StanceInput } from '../../core/decision-rules';
import { reasonHash } from '../../core/ledger-content';
import { refuse } from '../../core/refusals';
import type { Db } from '../db/database';
import { stance } from '../db/schema';
import { loadDecisionState } from './decision-state';
import { openProposal } from './dissent-guard';
import { appendLedgerEntry } from './ledger-writer';
import { announceRoundChange } from './round-events';

/**
 * Takes or changes the caller's stance in the proposal's open decision: on
 * the frozen version (stamped here, never chosen by the client), only by a
 * member eligible when it opened, only while it is open. Every change is a
 * new row and ledger entry.
 */
export async function castStance(db: Db, actorId: string, proposalId: string, input: StanceInput) {
  const result = await db.transaction(async (tx) => {
    const { proposal } = await openProposal(tx, proposalId, actorId);
    const state = proposal.status === 'decision' ? await loadDecisionState(tx, proposalId) : undefined;
    if (!state || state.closing || state.decision.round !== proposal.round) throw refuse('NO_OPEN_DECISION');
    if (!state.decision.eligibleIds.includes(actorId)) throw refuse('NOT_ELIGIBLE_TO_STAND');
    const [row] = await tx
      .insert(stance)
      .values({
        decisionId: state.decision.id,
        userId: actorId,
        choice: input.choice,
        reason: input.reason ?? '',
        affectedness: input.affectedness,
        versionId: state.decision.versionId,
      })
      .returning({ id: stance.id });
    const entry = await appendLedgerEntry(tx, {
      proposalId,
      kind: 'stance.cast',
      actorId,
      data: {
        decisionId: state.decision.id,
        stanceId: row.id,
        choice: input.choice,
        affectedness: input.affectedness,
        versionId: state.decision.versionId,
        reasonHash: reasonHash(input.reason ?? ''),
      },
    });
    return { assemblyId: proposal.assemblyId, decisionId: state.decision.id, versionId: state.decision.versionId, entry };
  });
  announceRoundChange({ type: 'stance.cast', assemblyId: result.assemblyId, proposalId, actorId, decisionId: result.decisionId, entry: result.entry });
  return { decisionId: result.decisionId, versionId: result.versionId, choice: input.choice, affectedness: input.affectedness, reason: input.reason };
}
