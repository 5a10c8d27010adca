import { idSchema, reopeningMotionSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { fileReopeningMotion } from '@/server/services/file-reopening-motion';

/** POST /api/proposals/:proposalId/reopening-motions */
export const POST = route<{ proposalId: string }>(
  async ({ request, params, runtime, user }) =>
    fileReopeningMotion(runtime.db, user.id, parseWith(idSchema, params.proposalId), await readJson(request, reopeningMotionSchema)),
  { status: 201 },
);
