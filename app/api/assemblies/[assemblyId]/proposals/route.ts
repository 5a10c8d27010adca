import { createProposalSchema, idSchema } from '@/core/schemas';
import { parseWith, readJson, route } from '@/server/http/route';
import { createProposal } from '@/server/services/create-proposal';
import { listProposals } from '@/server/services/list-proposals';

type Params = { assemblyId: string };

/** GET /api/assemblies/:assemblyId/proposals */
export const GET = route<Params>(async ({ params, runtime, user }) => ({
  proposals: await listProposals(runtime.db, user.id, parseWith(idSchema, params.assemblyId)),
}));

/** POST /api/assemblies/:assemblyId/proposals */
export const POST = route<Params>(
  async ({ request, params, runtime, user }) =>
    createProposal(runtime.db, user.id, parseWith(idSchema, params.assemblyId), await readJson(request, createProposalSchema)),
  { status: 201 },
);
