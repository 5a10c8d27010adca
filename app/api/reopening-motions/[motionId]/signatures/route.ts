import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { signReopeningMotion } from '@/server/services/sign-reopening-motion';

/** POST /api/reopening-motions/:motionId/signatures (no body): co-sign */
export const POST = route<{ motionId: string }>(async ({ params, runtime, user }) =>
  signReopeningMotion(runtime.db, user.id, parseWith(idSchema, params.motionId)),
);
