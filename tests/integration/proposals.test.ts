import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { fingerprint } from '../support/db-fingerprint';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let ann: ApiClient;
let bob: ApiClient;
let olga: ApiClient;
let assemblyId: string;

async function person(label: string) {
  const client = new ApiClient(server.url);
  expect((await client.signUp(label, uniqueEmail(label))).status).toBe(200);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  [ann, bob, olga] = await Promise.all(['Ann', 'Bob', 'Olga'].map(person));
  assemblyId = (await ann.post('/api/assemblies', { name: 'Housing co-op' })).body.id;
  const members = await ann.post(`/api/assemblies/${assemblyId}/invitations`, { role: 'member' });
  const observers = await ann.post(`/api/assemblies/${assemblyId}/invitations`, { role: 'observer' });
  await bob.post(`/api/invitations/${members.body.token}/accept`);
  await olga.post(`/api/invitations/${observers.body.token}/accept`);
});
afterAll(async () => {
  await server?.stop();
});

describe('proposals', () => {
  it('are created in draft with their co-authors and listed with status, authors and last activity', async () => {
    const created = await ann.post(`/api/assemblies/${assemblyId}/proposals`, {
      title: '  Repaint the stairwell  ',
      coAuthorIds: [bob.userId, ann.userId],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Repaint the stairwell', status: 'draft' });
    const second = await bob.post(`/api/assemblies/${assemblyId}/proposals`, { title: 'Solar panels' });

    const list = await olga.get(`/api/assemblies/${assemblyId}/proposals`);
    expect(list.status).toBe(200);
    expect(list.body.proposals.map((p: { id: string }) => p.id)).toEqual([second.body.id, created.body.id]);
    expect(list.body.proposals[1]).toMatchObject({
      title: 'Repaint the stairwell',
      status: 'draft',
      authors: [
        { id: ann.userId, name: 'Ann' },
        { id: bob.userId, name: 'Bob' },
      ],
    });
    expect(Date.parse(list.body.proposals[1].lastActivityAt)).not.toBeNaN();

    const page = await olga.get(`/api/proposals/${created.body.id}`);
    expect(page.body).toMatchObject({ assembly: { id: assemblyId }, myRole: 'observer', isAuthor: false, canWrite: false });
    expect((await bob.get(`/api/proposals/${created.body.id}`)).body).toMatchObject({ isAuthor: true, canWrite: true });
  });

  it('refuses observers and outsiders as co-authors, changing nothing', async () => {
    const outsider = await person('Out');
    for (const coAuthor of [olga, outsider]) {
      const before = await fingerprint(server.database.db);
      const response = await ann.post(`/api/assemblies/${assemblyId}/proposals`, { title: 'X', coAuthorIds: [coAuthor.userId] });
      expect(response.status).toBe(400);
      expect(response.body.error.details.refused).toEqual([coAuthor.userId]);
      expect(await fingerprint(server.database.db)).toBe(before);
    }
  });

  it('refuses an empty or overlong title', async () => {
    for (const title of ['', '   ', 'x'.repeat(201)]) {
      const response = await ann.post(`/api/assemblies/${assemblyId}/proposals`, { title });
      expect(response.status).toBe(400);
    }
  });

  it('answers an unknown proposal with 404', async () => {
    expect((await ann.get('/api/proposals/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});
