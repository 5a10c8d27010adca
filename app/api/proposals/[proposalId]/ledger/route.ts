import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getLedger } from '@/server/services/get-ledger';

/** GET /api/proposals/:proposalId/ledger */
export const GET = route<{ proposalId: string }>(async ({ params, runtime, user }) =>
  getLedger(runtime.db, user.id, parseWith(idSchema, params.proposalId)),
);
