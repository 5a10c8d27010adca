import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { setCoSignature } from '@/server/services/co-sign-dissent';

type Params = { dissentId: string };

/** POST /api/dissents/:dissentId/signature: co-sign (no body) */
export const POST = route<Params>(async ({ params, runtime, user }) =>
  setCoSignature(runtime.db, user.id, parseWith(idSchema, params.dissentId), true),
);

/** DELETE /api/dissents/:dissentId/signature: take one's signature back (recorded, not erased) */
export const DELETE = route<Params>(async ({ params, runtime, user }) =>
  setCoSignature(runtime.db, user.id, parseWith(idSchema, params.dissentId), false),
);
