import { idSchema, saveVersionSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { listVersions } from '@/server/services/get-version';
import { saveVersion } from '@/server/services/save-version';

type Params = { proposalId: string };

/** GET /api/proposals/:proposalId/versions */
export const GET = route<Params>(async ({ params, runtime, user }) => ({
  versions: await listVersions(runtime.db, user.id, parseWith(idSchema, params.proposalId)),
}));

/** POST /api/proposals/:proposalId/versions */
export const POST = route<Params>(
  async ({ request, params, runtime, user }) =>
    saveVersion(runtime.db, user.id, parseWith(idSchema, params.proposalId), await readJson(request, saveVersionSchema)),
  { status: 201 },
);
