import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getAssembly } from '@/server/services/get-assembly';

/** GET /api/assemblies/:assemblyId */
export const GET = route<{ assemblyId: string }>(async ({ params, runtime, user }) =>
  getAssembly(runtime.db, user.id, parseWith(idSchema, params.assemblyId)),
);
