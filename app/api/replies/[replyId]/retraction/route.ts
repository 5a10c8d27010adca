import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { retractReply } from '@/server/services/retract-reply';

/** POST /api/replies/:replyId/retraction (no body) */
export const POST = route<{ replyId: string }>(async ({ params, runtime, user }) =>
  retractReply(runtime.db, user.id, parseWith(idSchema, params.replyId)),
);
