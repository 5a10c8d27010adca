import { idSchema } from '@/core/schemas';
import { parseWith, route } from '@/server/http/route';
import { getVersion } from '@/server/services/get-version';

/** GET /api/versions/:versionId */
export const GET = route<{ versionId: string }>(async ({ params, runtime, user }) =>
  getVersion(runtime.db, user.id, parseWith(idSchema, params.versionId)),
);
