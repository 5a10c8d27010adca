import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getDissent } from '@/server/services/get-dissent';

/** GET /api/dissents/:dissentId */
export const GET = route<{ dissentId: string }>(async ({ params, runtime, user }) =>
  getDissent(runtime.db, user.id, parseWith(idSchema, params.dissentId)),
);
