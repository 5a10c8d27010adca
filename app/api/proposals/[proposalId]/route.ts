import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getProposal } from '@/server/services/get-proposal';

/** GET /api/proposals/:proposalId */
export const GET = route<{ proposalId: string }>(async ({ params, runtime, user }) =>
  getProposal(runtime.db, user.id, parseWith(idSchema, params.proposalId)),
);
