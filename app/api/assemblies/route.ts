import { createAssemblySchema } from '@/core/schemas';
import { readJson, route } from '@/server/http/route';
import { createAssembly } from '@/server/services/create-assembly';
import { listMyAssemblies } from '@/server/services/list-my-assemblies';

/** GET /api/assemblies: the caller's assemblies. */
export const GET = route(async ({ runtime, user }) => ({ assemblies: await listMyAssemblies(runtime.db, user.id) }));

/** POST /api/assemblies: create one; the caller becomes its steward. */
export const POST = route(
  async ({ request, runtime, user }) =>
    createAssembly(runtime.db, user.id, await readJson(request, createAssemblySchema)),
  { status: 201 },
);
