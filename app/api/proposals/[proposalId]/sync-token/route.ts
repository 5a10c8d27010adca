import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { issueSyncToken } from '@/server/services/issue-sync-token';

/** POST /api/proposals/:proposalId/sync-token: a short-lived token for the /yjs connection (non-browser clients). */
export const POST = route<{ proposalId: string }>(
  async ({ params, runtime, user }) =>
    issueSyncToken(runtime.db, runtime.secret, runtime.publicUrl, user, parseWith(idSchema, params.proposalId)),
  { status: 201 },
);
