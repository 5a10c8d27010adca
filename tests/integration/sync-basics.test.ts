import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { connectSyncClient, syncTicket, waitFor } from '../support/sync-clients';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let ann: ApiClient;
let bob: ApiClient;
let proposalId: string;

beforeAll(async () => {
  server = await startTestServer();
  ann = new ApiClient(server.url);
  bob = new ApiClient(server.url);
  await ann.signUp('Ann', uniqueEmail('ann'));
  await bob.signUp('Bob', uniqueEmail('bob'));
  const assemblyId = (await ann.post('/api/assemblies', { name: 'Sync' })).body.id;
  const inv = await ann.post(`/api/assemblies/${assemblyId}/invitations`, { role: 'member' });
  await bob.post(`/api/invitations/${inv.body.token}/accept`);
  proposalId = (await ann.post(`/api/assemblies/${assemblyId}/proposals`, { title: 'Live' })).body.id;
});
afterAll(async () => {
  await server?.stop();
});

describe('the sync server', () => {
  it('starts every proposal with a server-made paragraph, and two clients converge', async () => {
    const a = await connectSyncClient(await syncTicket(ann, proposalId));
    const b = await connectSyncClient(await syncTicket(bob, proposalId));
    expect(a.doc.getXmlFragment('default').length).toBe(1);
    a.type('Hello');
    await waitFor(() => b.text() === 'Hello', 5000, 'b sees a');
    b.type(', world');
    await waitFor(() => a.text() === 'Hello, world', 5000, 'a sees b');
    a.destroy();
    b.destroy();
  });
});
