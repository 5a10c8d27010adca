import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { revokeInvitation } from '@/server/services/revoke-invitation';

/** DELETE /api/assemblies/:assemblyId/invitations/:invitationId: revoke. */
export const DELETE = route<{ assemblyId: string; invitationId: string }>(async ({ params, runtime, user }) =>
  revokeInvitation(runtime.db, user.id, parseWith(idSchema, params.assemblyId), parseWith(idSchema, params.invitationId)),
);
