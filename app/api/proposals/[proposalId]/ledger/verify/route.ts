import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { verifyLedger } from '@/server/services/verify-ledger';

/** GET /api/proposals/:proposalId/ledger/verify */
export const GET = route<{ proposalId: string }>(async ({ params, runtime, user }) =>
  verifyLedger(runtime.db, user.id, parseWith(idSchema, params.proposalId)),
);
