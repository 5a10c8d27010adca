import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { withdrawDissent } from '@/server/services/withdraw-dissent';

/** POST /api/dissents/:dissentId/withdrawal (no body) */
export const POST = route<{ dissentId: string }>(async ({ params, runtime, user }) =>
  withdrawDissent(runtime.db, user.id, parseWith(idSchema, params.dissentId)),
);
