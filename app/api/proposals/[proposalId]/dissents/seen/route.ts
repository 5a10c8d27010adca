import { idSchema, markDissentsSeenSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { markDissentsSeen } from '@/server/services/mark-dissents-seen';

/** POST /api/proposals/:proposalId/dissents/seen */
export const POST = route<{ proposalId: string }>(async ({ request, params, runtime, user }) => {
  const { seq } = await readJson(request, markDissentsSeenSchema);
  await markDissentsSeen(runtime.db, user.id, parseWith(idSchema, params.proposalId), seq);
});
