import { stanceInputSchema } from '@/core/decision-rules';
import { idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { castStance } from '@/server/services/cast-stance';

/** POST /api/proposals/:proposalId/stances: take or change one's stance */
export const POST = route<{ proposalId: string }>(
  async ({ request, params, runtime, user }) =>
    castStance(runtime.db, user.id, parseWith(idSchema, params.proposalId), await readJson(request, stanceInputSchema)),
  { status: 201 },
);
