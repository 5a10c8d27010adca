import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getReply } from '@/server/services/get-reply';

/** GET /api/replies/:replyId */
export const GET = route<{ replyId: string }>(async ({ params, runtime, user }) =>
  getReply(runtime.db, user.id, parseWith(idSchema, params.replyId)),
);
