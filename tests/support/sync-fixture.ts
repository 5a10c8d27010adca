import { expect } from 'vitest';
import { ApiClient, uniqueEmail } from './api-client';

/** An assembly with a steward (ann), a member (bob), an observer (olga), an outsider, and one proposal. */
export interface SyncFixture {
  ann: ApiClient;
  bob: ApiClient;
  olga: ApiClient;
  outsider: ApiClient;
  assemblyId: string;
  proposalId: string;
}

/** Builds the {@link SyncFixture} on the server at `baseUrl`. */
export async function buildSyncFixture(baseUrl: string): Promise<SyncFixture> {
  const person = async (name: string) => {
    const client = new ApiClient(baseUrl);
    expect((await client.signUp(name, uniqueEmail(name))).status).toBe(200);
    return client;
  };
  const [ann, bob, olga, outsider] = await Promise.all(['Ann', 'Bob', 'Olga', 'Out'].map(person));
  const assemblyId = (await ann.post('/api/assemblies', { name: 'Sync assembly' })).body.id as string;
  const members = await ann.post(`/api/assemblies/${assemblyId}/invitations`, { role: 'member' });
  const observers = await ann.post(`/api/assemblies/${assemblyId}/invitations`, { role: 'observer' });
  expect((await bob.post(`/api/invitations/${members.body.token}/accept`)).status).toBe(200);
  expect((await olga.post(`/api/invitations/${observers.body.token}/accept`)).status).toBe(200);
  const proposalId = (await ann.post(`/api/assemblies/${assemblyId}/proposals`, { title: 'Live text' })).body.id as string;
  return { ann, bob, olga, outsider, assemblyId, proposalId };
}

/** A new proposal in the fixture's assembly (a fresh document). */
export async function newProposal(fx: SyncFixture, title = 'Another text'): Promise<string> {
  const response = await fx.ann.post(`/api/assemblies/${fx.assemblyId}/proposals`, { title });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

/** Signs up `name` and has them join the fixture's assembly as a member (a third writer). */
export async function addMember(fx: SyncFixture, baseUrl: string, name: string): Promise<ApiClient> {
  const person = new ApiClient(baseUrl);
  expect((await person.signUp(name, uniqueEmail(name.toLowerCase()))).status).toBe(200);
  const invitation = await fx.ann.post(`/api/assemblies/${fx.assemblyId}/invitations`, { role: 'member' });
  expect((await person.post(`/api/invitations/${invitation.body.token}/accept`)).status).toBe(200);
  return person;
}
