import { idSchema, reviseReplySchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { reviseReply } from '@/server/services/revise-reply';

/** POST /api/replies/:replyId/revisions */
export const POST = route<{ replyId: string }>(
  async ({ request, params, runtime, user }) =>
    reviseReply(runtime.db, user.id, parseWith(idSchema, params.replyId), await readJson(request, reviseReplySchema)),
  { status: 201 },
);
