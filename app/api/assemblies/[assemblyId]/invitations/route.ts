import { createInvitationSchema, idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { createInvitation } from '@/server/services/create-invitation';
import { listInvitations } from '@/server/services/list-invitations';

type Params = { assemblyId: string };

/** GET /api/assemblies/:assemblyId/invitations */
export const GET = route<Params>(async ({ params, runtime, user }) => ({
  invitations: await listInvitations(runtime.db, user.id, parseWith(idSchema, params.assemblyId)),
}));

/** POST /api/assemblies/:assemblyId/invitations: returns the link, once. */
export const POST = route<Params>(
  async ({ request, params, runtime, user }) =>
    createInvitation(
      runtime.db,
      user,
      parseWith(idSchema, params.assemblyId),
      await readJson(request, createInvitationSchema),
      runtime.publicUrl,
    ),
  { status: 201 },
);
