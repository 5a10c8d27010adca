/** Who may open a proposal's sync connection: refused ones are closed with their code and given no data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncToken } from '../../server/auth/sync-token';
import { connectSyncClient, rawSyncSocket, syncTicket } from '../support/sync-clients';
import { buildSyncFixture, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let fx: SyncFixture;

beforeAll(async () => {
  server = await startTestServer();
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  await server?.stop();
});

function wsUrl(path: string) {
  return server.url.replace(/^http/, 'ws') + path;
}

/** The session cookie header a client holds. */
async function cookieOf(client: typeof fx.ann): Promise<string> {
  expect((await client.get('/api/me')).status).toBe(200);
  return client.cookieHeader();
}

async function expectRefused(path: string, headers: Record<string, string>, code: number) {
  const raw = rawSyncSocket(wsUrl(path), headers);
  const closed = await raw.closed;
  expect(closed.code).toBe(code);
  expect(raw.received).toEqual([]);
}

describe('sync admission', () => {
  it('closes a connection without credentials with 4401, sending nothing', async () => {
    await expectRefused(`/yjs/${fx.proposalId}`, { origin: server.url }, 4401);
  });

  it('closes forged, expired and misdirected tokens with 4401', async () => {
    const { token } = await syncTicket(fx.ann, fx.proposalId);
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    await expectRefused(`/yjs/${fx.proposalId}?token=${forged}`, {}, 4401);
    const expired = createSyncToken(server.runtime.secret, fx.ann.userId!, 'any-session', fx.proposalId, Date.now() - 3_600_000).token;
    await expectRefused(`/yjs/${fx.proposalId}?token=${expired}`, {}, 4401);
    const other = (await fx.ann.post(`/api/assemblies/${fx.assemblyId}/proposals`, { title: 'Other' })).body.id;
    await expectRefused(`/yjs/${other}?token=${token}`, {}, 4401);
  });

  it('closes a non-member with 4403, even with a valid session cookie', async () => {
    await expectRefused(`/yjs/${fx.proposalId}`, { origin: server.url, cookie: await cookieOf(fx.outsider) }, 4403);
  });

  it('closes a member whose membership ended with 4403', async () => {
    const { token } = await syncTicket(fx.bob, fx.proposalId);
    expect((await fx.ann.delete(`/api/assemblies/${fx.assemblyId}/members/${fx.bob.userId}`)).status).toBe(204);
    await expectRefused(`/yjs/${fx.proposalId}?token=${token}`, {}, 4403);
  });

  it('closes a foreign origin with 4403, even for a member', async () => {
    await expectRefused(`/yjs/${fx.proposalId}`, { origin: 'https://evil.example', cookie: await cookieOf(fx.ann) }, 4403);
  });

  it('closes an unknown proposal like a forbidden one, and a malformed path with 4400', async () => {
    await expectRefused('/yjs/no-such-proposal', { origin: server.url, cookie: await cookieOf(fx.ann) }, 4403);
    await expectRefused('/yjs/bad%20id', { origin: server.url, cookie: await cookieOf(fx.ann) }, 4400);
    await expectRefused('/yjs/%E0%A4%A', { origin: server.url, cookie: await cookieOf(fx.ann) }, 4400);
  });

  it('admits a member with the session cookie from this origin, and a token client without one', async () => {
    const raw = rawSyncSocket(wsUrl(`/yjs/${fx.proposalId}`), { origin: server.url, cookie: await cookieOf(fx.ann) });
    await raw.opened;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(raw.received.length).toBeGreaterThan(0);
    raw.socket.close();
    const client = await connectSyncClient(await syncTicket(fx.olga, fx.proposalId));
    expect(client.provider.synced).toBe(true);
    client.destroy();
  });
});
