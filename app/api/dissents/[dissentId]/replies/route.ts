import { idSchema, postReplySchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { postReply } from '@/server/services/post-reply';

/** POST /api/dissents/:dissentId/replies */
export const POST = route<{ dissentId: string }>(
  async ({ request, params, runtime, user }) =>
    postReply(runtime.db, user.id, parseWith(idSchema, params.dissentId), await readJson(request, postReplySchema)),
  { status: 201 },
);
