import { requestTransition } from '../../core/proposal-lifecycle';
import type { Db } from '../db/database';
import { openProposal } from './dissent-guard';
import { isProposalAuthor } from './proposal-authors';
import { announceRoundChange } from './round-events';
import { recordTransition } from './transition-writer';

/** The stage changes an author asks for directly (opening the decision has its own use case). */
export type SteeringTransition = 'open-deliberation' | 'withdraw';

/** Opens deliberation on a draft, or withdraws a draft or a proposal in deliberation: its authors only. */
export async function steerProposal(db: Db, actorId: string, proposalId: string, transition: SteeringTransition) {
  const { assemblyId, recorded } = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, proposalId, actorId);
    const to = requestTransition(proposal.status, transition, { isAuthor: await isProposalAuthor(tx, proposalId, actorId), role });
    return { assemblyId: proposal.assemblyId, recorded: await recordTransition(tx, proposal, transition, to, actorId) };
  });
  announceRoundChange({ type: 'proposal.status_changed', assemblyId, proposalId, actorId, status: recorded.status, round: recorded.round, entry: recorded.entry });
  return { status: recorded.status, round: recorded.round };
}
