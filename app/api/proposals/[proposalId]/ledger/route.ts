import { z } from 'zod';
import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getLedger } from '@/server/services/get-ledger';

/** `?after=<seq>`: only the entries after it (a client catching up on events it missed). */
const ledgerQuerySchema = z.strictObject({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() });

/** GET /api/proposals/:proposalId/ledger[?after=<seq>] */
export const GET = route<{ proposalId: string }>(async ({ params, request, runtime, user }) => {
  const query = parseWith(ledgerQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return getLedger(runtime.db, user.id, parseWith(idSchema, params.proposalId), query.after);
});
