import { idSchema, logQuerySchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { listAssemblyLog } from '@/server/services/list-assembly-log';

/** GET /api/assemblies/:assemblyId/log?before=&limit= */
export const GET = route<{ assemblyId: string }>(async ({ request, params, runtime, user }) => {
  const query = parseWith(logQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return listAssemblyLog(runtime.db, user.id, parseWith(idSchema, params.assemblyId), query);
});
