import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitation } from '../../server/db/schema';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { fingerprint } from '../support/db-fingerprint';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let steward: ApiClient;
let assemblyId: string;

async function person(label: string) {
  const client = new ApiClient(server.url);
  expect((await client.signUp(label, uniqueEmail(label))).status).toBe(200);
  return client;
}

async function invite(body: Record<string, unknown> = {}) {
  const response = await steward.post(`/api/assemblies/${assemblyId}/invitations`, body);
  expect(response.status).toBe(201);
  return response.body as { id: string; token: string; url: string; state: string };
}

async function expectRefusedJoin(client: ApiClient, token: string, status: number, message: RegExp) {
  const before = await fingerprint(server.database.db);
  const response = await client.post(`/api/invitations/${token}/accept`);
  expect(response.status).toBe(status);
  expect(response.body.error.message).toMatch(message);
  expect(await fingerprint(server.database.db)).toBe(before);
}

beforeAll(async () => {
  server = await startTestServer();
  steward = await person('steward');
  assemblyId = (await steward.post('/api/assemblies', { name: 'Tenants union' })).body.id;
});
afterAll(async () => {
  await server?.stop();
});

describe('invitation links', () => {
  it('carries a role and a link on this server; joining gives that role', async () => {
    const inv = await invite({ role: 'observer' });
    expect(inv.url).toBe(`${server.url}/join/${inv.token}`);
    expect(inv.state).toBe('active');
    const olga = await person('olga');
    const preview = await olga.get(`/api/invitations/${inv.token}`);
    expect(preview.body).toMatchObject({ assembly: { id: assemblyId, name: 'Tenants union' }, role: 'observer', state: 'active' });
    const joined = await olga.post(`/api/invitations/${inv.token}/accept`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ assemblyId, role: 'observer' });
    const members = await steward.get(`/api/assemblies/${assemblyId}/members`);
    expect(members.body.members).toContainEqual(expect.objectContaining({ userId: olga.userId, role: 'observer' }));
  });

  it('refuses an expired invitation and changes nothing', async () => {
    const inv = await invite();
    await server.database.db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitation.id, inv.id));
    const late = await person('late');
    expect((await late.get(`/api/invitations/${inv.token}`)).body.state).toBe('expired');
    await expectRefusedJoin(late, inv.token, 410, /expired/);
  });

  it('refuses a revoked invitation; revoking twice is a conflict', async () => {
    const inv = await invite();
    expect((await steward.delete(`/api/assemblies/${assemblyId}/invitations/${inv.id}`)).status).toBe(204);
    const again = await steward.delete(`/api/assemblies/${assemblyId}/invitations/${inv.id}`);
    expect(again.status).toBe(409);
    const list = await steward.get(`/api/assemblies/${assemblyId}/invitations`);
    expect(list.body.invitations.find((i: { id: string }) => i.id === inv.id).state).toBe('revoked');
    await expectRefusedJoin(await person('revoked'), inv.token, 410, /revoked/);
  });

  it('refuses a reused single-use invitation', async () => {
    const inv = await invite({ maxUses: 1 });
    expect((await (await person('first')).post(`/api/invitations/${inv.token}/accept`)).status).toBe(200);
    await expectRefusedJoin(await person('second'), inv.token, 410, /already been used/);
  });

  it('admits exactly maxUses people when they race for the last places', async () => {
    const inv = await invite({ maxUses: 2 });
    const racers = await Promise.all(['r1', 'r2', 'r3', 'r4'].map(person));
    const results = await Promise.all(racers.map((r) => r.post(`/api/invitations/${inv.token}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 410, 410]);
  });

  it('refuses an unknown token and a malformed one', async () => {
    const someone = await person('someone');
    await expectRefusedJoin(someone, 'x'.repeat(32), 404, /not valid/);
    const malformed = await someone.post('/api/invitations/short/accept');
    expect(malformed.status).toBe(400);
  });

  it('refuses joining twice', async () => {
    const inv = await invite({ maxUses: 5 });
    const twice = await person('twice');
    expect((await twice.post(`/api/invitations/${inv.token}/accept`)).status).toBe(200);
    expect((await twice.get(`/api/invitations/${inv.token}`)).body.alreadyMember).toBe(true);
    await expectRefusedJoin(twice, inv.token, 409, /already a member/);
  });

  it('lets a member revoke their own invitation but not the steward\'s', async () => {
    const inv = await invite({ maxUses: 5 });
    const mia = await person('mia');
    await mia.post(`/api/invitations/${inv.token}/accept`);
    const own = await mia.post(`/api/assemblies/${assemblyId}/invitations`, { role: 'member' });
    expect(own.status).toBe(201);
    expect((await mia.delete(`/api/assemblies/${assemblyId}/invitations/${inv.id}`)).status).toBe(403);
    expect((await mia.delete(`/api/assemblies/${assemblyId}/invitations/${own.body.id}`)).status).toBe(204);
  });

  it('validates the invitation request', async () => {
    for (const body of [{ role: 'king' }, { expiresInHours: 0 }, { expiresInHours: 24 * 365 }, { maxUses: 0 }, { extra: true }]) {
      const response = await steward.post(`/api/assemblies/${assemblyId}/invitations`, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
