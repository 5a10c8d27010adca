import { invitationTokenSchema } from '@/core/schemas';
import { parseWith, publicRoute } from '@/server/http/route';
import { previewInvitation } from '@/server/services/preview-invitation';

/** GET /api/invitations/:token: what the link leads to (no session needed). */
export const GET = publicRoute<{ token: string }>(
  async ({ params, runtime, user }) => previewInvitation(runtime.db, parseWith(invitationTokenSchema, params.token), user?.id),
);
