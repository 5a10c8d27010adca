import { idSchema, reviseDissentSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { reviseDissent } from '@/server/services/revise-dissent';

/** POST /api/dissents/:dissentId/revisions */
export const POST = route<{ dissentId: string }>(
  async ({ request, params, runtime, user }) =>
    reviseDissent(runtime.db, user.id, parseWith(idSchema, params.dissentId), await readJson(request, reviseDissentSchema)),
  { status: 201 },
);
