import { changeRoleSchema, idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { changeMemberRole } from '@/server/services/change-member-role';
import { removeMember } from '@/server/services/remove-member';

type Params = { assemblyId: string; userId: string };

/** PATCH /api/assemblies/:assemblyId/members/:userId: a steward changes a role. */
export const PATCH = route<Params>(async ({ request, params, runtime, user }) =>
  changeMemberRole(
    runtime.db,
    user.id,
    parseWith(idSchema, params.assemblyId),
    parseWith(idSchema, params.userId),
    await readJson(request, changeRoleSchema),
  ),
);

/** DELETE /api/assemblies/:assemblyId/members/:userId: a steward removes a member. */
export const DELETE = route<Params>(async ({ params, runtime, user }) =>
  removeMember(runtime.db, user.id, parseWith(idSchema, params.assemblyId), parseWith(idSchema, params.userId)),
);
