import { idSchema, steerProposalSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { steerProposal } from '@/server/services/steer-proposal';

/** POST /api/proposals/:proposalId/transitions */
export const POST = route<{ proposalId: string }>(async ({ request, params, runtime, user }) => {
  const { transition } = await readJson(request, steerProposalSchema);
  return steerProposal(runtime.db, user.id, parseWith(idSchema, params.proposalId), transition);
});
