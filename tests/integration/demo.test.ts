/** The demo: on an empty database, two accounts, an assembly and a sample proposal with text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { connectSyncClient, syncTicket } from '../support/sync-clients';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DEMO: 'on' });
});
afterAll(async () => {
  await server?.stop();
});

describe('the demo', () => {
  it('lets both generated accounts sign in and co-edit the sample proposal', async () => {
    const demo = server.demo!;
    expect(demo.accounts).toHaveLength(2);
    expect(new Set(demo.accounts.map((a) => a.password)).size).toBe(2);
    for (const account of demo.accounts) expect(account.password.length).toBeGreaterThanOrEqual(12);

    const [ada, ben] = demo.accounts.map(() => new ApiClient(server.url));
    expect((await ada.signIn(demo.accounts[0].email, demo.accounts[0].password)).status).toBe(200);
    expect((await ben.signIn(demo.accounts[1].email, demo.accounts[1].password)).status).toBe(200);
    const proposal = await ben.get(`/api/proposals/${demo.proposalId}`);
    expect(proposal.body).toMatchObject({ title: 'A rota for the shared garden', canWrite: true, isAuthor: true });
    const text = await connectSyncClient(await syncTicket(ada, demo.proposalId));
    expect(text.text()).toContain('The shared garden needs watering');
    expect(text.doc.getXmlFragment('default').length).toBe(5);
    text.destroy();
  });

  it('shows a sample dissent on a passage of the demo text, with a reply', async () => {
    const demo = server.demo!;
    const ada = new ApiClient(server.url);
    expect((await ada.signIn(demo.accounts[0].email, demo.accounts[0].password)).status).toBe(200);
    const { dissents } = (await ada.get(`/api/proposals/${demo.proposalId}/dissents`)).body;
    expect(dissents).toHaveLength(1);
    expect(dissents[0]).toMatchObject({
      author: { name: 'Ben Demo' },
      state: 'standing',
      isNew: true,
      anchor: { quote: { exact: 'in the order of the flat numbers' }, passage: 'present' },
      replies: [{ author: { name: 'Ada Demo' } }],
    });
    expect((await ada.get(`/api/proposals/${demo.proposalId}/ledger/verify`)).body).toMatchObject({ ok: true, length: 3 });
  });

  it('is made once: a restart on the same data makes no second demo', async () => {
    await server.restart();
    expect(server.demo).toBeUndefined();
    const mine = new ApiClient(server.url);
    expect((await mine.signIn('ada@demo.example.org', 'not the generated password')).status).toBe(401);
  });
});
