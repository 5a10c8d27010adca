import { idSchema, recordQuerySchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getRecord } from '@/server/services/get-record';

/** GET /api/proposals/:proposalId/record?decisionId= */
export const GET = route<{ proposalId: string }>(async ({ request, params, runtime, user }) => {
  const { decisionId } = parseWith(recordQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return getRecord(runtime.db, user.id, parseWith(idSchema, params.proposalId), decisionId);
});
