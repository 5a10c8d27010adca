import { idSchema, recordQuerySchema } from '@/core/schemas';
import { fileResponse } from '@/server/http/file-response';
import { parseWith, route } from '@/server/http/route';
import { exportRecord } from '@/server/services/export-record';

/** GET /api/proposals/:proposalId/record/markdown?decisionId= */
export const GET = route<{ proposalId: string }>(async ({ request, params, runtime, user }) => {
  const { decisionId } = parseWith(recordQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return fileResponse(await exportRecord(runtime.db, user.id, parseWith(idSchema, params.proposalId), 'markdown', decisionId));
});
