import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { leaveAssembly } from '@/server/services/leave-assembly';

/** POST /api/assemblies/:assemblyId/leave */
export const POST = route<{ assemblyId: string }>(async ({ params, runtime, user }) =>
  leaveAssembly(runtime.db, user.id, parseWith(idSchema, params.assemblyId)),
);
