import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { listMembers } from '@/server/services/list-members';

/** GET /api/assemblies/:assemblyId/members */
export const GET = route<{ assemblyId: string }>(async ({ params, runtime, user }) => ({
  members: await listMembers(runtime.db, user.id, parseWith(idSchema, params.assemblyId)),
}));
