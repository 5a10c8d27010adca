import { openDecisionSchema } from '@/core/decision-rules';
import { idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { getDecision } from '@/server/services/get-decision';
import { openDecision } from '@/server/services/open-decision';

type Params = { proposalId: string };

/** GET /api/proposals/:proposalId/decision */
export const GET = route<Params>(async ({ params, runtime, user }) => getDecision(runtime.db, user.id, parseWith(idSchema, params.proposalId)));

/** POST /api/proposals/:proposalId/decision: open the decision */
export const POST = route<Params>(
  async ({ request, params, runtime, user }) =>
    openDecision(runtime.db, user.id, parseWith(idSchema, params.proposalId), await readJson(request, openDecisionSchema)),
  { status: 201 },
);
