import { fileDissentSchema, idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { fileDissent } from '@/server/services/file-dissent';
import { listDissents } from '@/server/services/list-dissents';

type Params = { proposalId: string };

/** GET /api/proposals/:proposalId/dissents */
export const GET = route<Params>(async ({ params, runtime, user }) =>
  listDissents(runtime.db, user.id, parseWith(idSchema, params.proposalId)),
);

/** POST /api/proposals/:proposalId/dissents */
export const POST = route<Params>(
  async ({ request, params, runtime, user }) =>
    fileDissent(runtime.db, user.id, parseWith(idSchema, params.proposalId), await readJson(request, fileDissentSchema)),
  { status: 201 },
);
