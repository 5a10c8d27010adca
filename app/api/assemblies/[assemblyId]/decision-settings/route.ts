import { decisionSettingsSchema } from '@/core/decision-rules';
import { idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { getDecisionSettings } from '@/server/services/decision-settings';
import { updateDecisionSettings } from '@/server/services/update-decision-settings';

type Params = { assemblyId: string };

/** GET /api/assemblies/:assemblyId/decision-settings */
export const GET = route<Params>(async ({ params, runtime, user }) =>
  getDecisionSettings(runtime.db, user.id, parseWith(idSchema, params.assemblyId)),
);

/** PUT /api/assemblies/:assemblyId/decision-settings (stewards) */
export const PUT = route<Params>(async ({ request, params, runtime, user }) =>
  updateDecisionSettings(runtime.db, user.id, parseWith(idSchema, params.assemblyId), await readJson(request, decisionSettingsSchema)),
);
