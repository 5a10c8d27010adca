import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

async function person(label: string) {
  const client = new ApiClient(server.url);
  expect((await client.signUp(label, uniqueEmail(label))).status).toBe(200);
  return client;
}

/** An assembly made by `steward` with `others` joined as members. */
async function assemblyWith(steward: ApiClient, others: ApiClient[]) {
  const id = (await steward.post('/api/assemblies', { name: 'Food co-op', description: 'Weekly orders' })).body.id as string;
  const inv = await steward.post(`/api/assemblies/${id}/invitations`, { role: 'member', maxUses: 10 });
  for (const other of others) expect((await other.post(`/api/invitations/${inv.body.token}/accept`)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('assemblies', () => {
  it('lists my assemblies with my role and the member count', async () => {
    const ann = await person('ann');
    const bob = await person('bob');
    expect((await ann.get('/api/assemblies')).body.assemblies).toEqual([]);
    const id = await assemblyWith(ann, [bob]);
    const mine = await ann.get('/api/assemblies');
    expect(mine.body.assemblies).toEqual([
      expect.objectContaining({ id, name: 'Food co-op', description: 'Weekly orders', myRole: 'steward', memberCount: 2 }),
    ]);
    expect((await bob.get('/api/assemblies')).body.assemblies[0]).toMatchObject({ id, myRole: 'member' });
  });

  it('refuses a nameless or oversized assembly', async () => {
    const ann = await person('ann');
    expect((await ann.post('/api/assemblies', { name: '   ' })).status).toBe(400);
    expect((await ann.post('/api/assemblies', { name: 'x'.repeat(121) })).status).toBe(400);
    expect((await ann.get('/api/assemblies')).body.assemblies).toEqual([]);
  });
});

describe('stewards', () => {
  it('always keep one steward: the last cannot leave or step down until another is named', async () => {
    const ann = await person('ann');
    const bob = await person('bob');
    const id = await assemblyWith(ann, [bob]);
    const leave = await ann.post(`/api/assemblies/${id}/leave`);
    expect(leave.status).toBe(409);
    expect(leave.body.error).toMatchObject({ code: 'CONFLICT', reason: 'LAST_STEWARD_LEAVING' });
    expect(leave.body.error.message).toMatch(/last steward/);
    expect((await ann.patch(`/api/assemblies/${id}/members/${ann.userId}`, { role: 'member' })).status).toBe(409);

    expect((await ann.patch(`/api/assemblies/${id}/members/${bob.userId}`, { role: 'steward' })).status).toBe(200);
    expect((await ann.post(`/api/assemblies/${id}/leave`)).status).toBe(204);
    expect((await ann.get(`/api/assemblies/${id}`)).status).toBe(404);
    const members = (await bob.get(`/api/assemblies/${id}/members`)).body.members;
    expect(members).toEqual([expect.objectContaining({ userId: bob.userId, role: 'steward' })]);
  });

  it('two stewards demoting each other at once still leave one steward', async () => {
    const ann = await person('ann');
    const bob = await person('bob');
    const id = await assemblyWith(ann, [bob]);
    await ann.patch(`/api/assemblies/${id}/members/${bob.userId}`, { role: 'steward' });
    const results = await Promise.all([
      ann.patch(`/api/assemblies/${id}/members/${bob.userId}`, { role: 'member' }),
      bob.patch(`/api/assemblies/${id}/members/${ann.userId}`, { role: 'member' }),
      ann.patch(`/api/assemblies/${id}/members/${ann.userId}`, { role: 'observer' }),
    ]);
    const members = (await ann.get(`/api/assemblies/${id}/members`)).body.members as { role: string }[];
    expect(members.filter((m) => m.role === 'steward').length).toBeGreaterThanOrEqual(1);
    expect(results.some((r) => r.status === 409)).toBe(true);
  });

  it('removing a member ends their access; the log records every steward action for all members', async () => {
    const ann = await person('ann');
    const bob = await person('bob');
    const cleo = await person('cleo');
    const id = await assemblyWith(ann, [bob, cleo]);
    expect((await ann.patch(`/api/assemblies/${id}/members/${cleo.userId}`, { role: 'observer' })).status).toBe(200);
    expect((await ann.delete(`/api/assemblies/${id}/members/${bob.userId}`)).status).toBe(204);
    expect((await bob.get(`/api/assemblies/${id}`)).status).toBe(404);
    expect((await bob.get(`/api/assemblies/${id}/proposals`)).status).toBe(404);
    expect((await ann.delete(`/api/assemblies/${id}/members/${bob.userId}`)).status).toBe(404);
    expect((await ann.delete(`/api/assemblies/${id}/members/${ann.userId}`)).status).toBe(400);

    const log = await cleo.get(`/api/assemblies/${id}/log`);
    expect(log.status).toBe(200);
    const actions = (log.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual([
      'member.removed',
      'member.role_changed',
      'member.joined',
      'member.joined',
      'invitation.created',
      'assembly.created',
    ]);
    expect(log.body.entries[1]).toMatchObject({
      actor: { id: ann.userId, name: 'ann' },
      subject: { id: cleo.userId, name: 'cleo' },
      details: { from: 'member', to: 'observer' },
    });
    const page = await cleo.get(`/api/assemblies/${id}/log?limit=2`);
    expect(page.body.entries).toHaveLength(2);
    const next = await cleo.get(`/api/assemblies/${id}/log?limit=2&before=${page.body.nextBefore}`);
    expect(next.body.entries[0].action).toBe('member.joined');
  });

  it('refuses an unknown role', async () => {
    const ann = await person('ann');
    const bob = await person('bob');
    const id = await assemblyWith(ann, [bob]);
    const response = await ann.patch(`/api/assemblies/${id}/members/${bob.userId}`, { role: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the assembly log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const ann = await person('ann');
    await ann.post('/api/assemblies', { name: 'Logged' });
    const { sql } = await import('drizzle-orm');
    const db = server.database.db;
    for (const statement of ["update assembly_log set action = 'member.left'", 'delete from assembly_log', 'truncate assembly_log cascade']) {
      await expect(db.execute(sql.raw(statement))).rejects.toThrow();
    }
    const count = await db.execute(sql.raw('select count(*)::int as n from assembly_log'));
    expect((count as unknown as { rows: { n: number }[] }).rows[0].n).toBeGreaterThan(0);
  });
});
