import { expect } from 'vitest';
import { ApiClient, uniqueEmail } from './api-client';

/** The people of the authorization matrix, one account each. */
export interface Cast {
  anonymous: ApiClient;
  outsider: ApiClient;
  observer: ApiClient;
  member: ApiClient;
  author: ApiClient;
  steward: ApiClient;
  /** A member others act upon (role changes, removal). */
  subject: ApiClient;
}

/** The actors of the matrix, in the order refusals are tried (least privileged first). */
export const ACTORS = ['anonymous', 'outsider', 'observer', 'member', 'author', 'steward'] as const;
export type Actor = (typeof ACTORS)[number];

/** Signs up everyone in the cast (once per test file: password hashing is slow on purpose). */
export async function signUpCast(baseUrl: string): Promise<Cast> {
  const make = async (label: string) => {
    const client = new ApiClient(baseUrl);
    const response = await client.signUp(label, uniqueEmail(label));
    expect(response.status).toBe(200);
    return client;
  };
  const [outsider, observer, member, author, steward, subject] = await Promise.all(
    ['outsider', 'observer', 'member', 'author', 'steward', 'subject'].map(make),
  );
  return { anonymous: new ApiClient(baseUrl), outsider, observer, member, author, steward, subject };
}

/** A freshly made assembly in which the cast holds its roles, with one proposal by `author`. */
export interface AssemblyFixture {
  assemblyId: string;
  proposalId: string;
  /** An active invitation created by the steward: its id and token. */
  invitationId: string;
  invitationToken: string;
}

async function join(client: ApiClient, token: string) {
  const joined = await client.post(`/api/invitations/${token}/accept`);
  expect(joined.status).toBe(200);
}

/** Builds a new assembly with the cast in their roles. */
export async function buildAssembly(cast: Cast): Promise<AssemblyFixture> {
  const created = await cast.steward.post('/api/assemblies', { name: `Assembly ${Date.now()}` });
  expect(created.status).toBe(201);
  const assemblyId = created.body.id as string;
  const invite = async (role: string, maxUses: number) => {
    const response = await cast.steward.post(`/api/assemblies/${assemblyId}/invitations`, { role, maxUses });
    expect(response.status).toBe(201);
    return response.body as { id: string; token: string };
  };
  const members = await invite('member', 3);
  const observers = await invite('observer', 1);
  await join(cast.member, members.token);
  await join(cast.author, members.token);
  await join(cast.subject, members.token);
  await join(cast.observer, observers.token);
  const proposal = await cast.author.post(`/api/assemblies/${assemblyId}/proposals`, { title: 'Shared kitchen rota' });
  expect(proposal.status).toBe(201);
  const spare = await invite('member', 5);
  return { assemblyId, proposalId: proposal.body.id, invitationId: spare.id, invitationToken: spare.token };
}
