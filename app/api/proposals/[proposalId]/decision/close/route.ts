import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { closeDecisionEarly } from '@/server/services/close-decision';

/** POST /api/proposals/:proposalId/decision/close (no body): close early, once everyone has a stance */
export const POST = route<{ proposalId: string }>(async ({ params, runtime, user }) =>
  closeDecisionEarly(runtime.db, user.id, parseWith(idSchema, params.proposalId)),
);
