import { invitationTokenSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { acceptInvitation } from '@/server/services/accept-invitation';

/** POST /api/invitations/:token/accept: join the assembly. */
export const POST = route<{ token: string }>(async ({ params, runtime, user }) =>
  acceptInvitation(runtime.db, user.id, parseWith(invitationTokenSchema, params.token)),
);
