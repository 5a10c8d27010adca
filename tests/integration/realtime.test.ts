/** socket.io: the same session and Origin checks as HTTP; events reach only the members of a room. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { connectRealtime, type RealtimeClient } from '../support/realtime-client';
import { connectSyncClient, syncTicket, waitFor } from '../support/sync-clients';
import { buildSyncFixture, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let fx: SyncFixture;
const open: RealtimeClient[] = [];

async function live(person: Parameters<typeof connectRealtime>[1], origin?: string | null) {
  const client = await connectRealtime(server.url, person, origin === undefined ? server.url : origin);
  open.push(client);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  for (const client of open) client.close();
  await server?.stop();
});

describe('live events', () => {
  it('refuses a connection without a session, or from a foreign origin', async () => {
    await expect(connectRealtime(server.url, null)).rejects.toThrow(/Sign in/);
    await expect(connectRealtime(server.url, fx.ann, 'https://evil.example')).rejects.toThrow();
  });

  it('speaks websocket only: a long-polling handshake is refused, so no load balancer needs sticky sessions', async () => {
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.url, cookie: fx.ann.cookieHeader() } });
    expect(polling.status).toBe(400);
    const live = await connectRealtime(server.url, fx.ann);
    expect(live.socket.io.engine.transport.name).toBe('websocket');
    live.close();
  });

  it('lets only members join an assembly or proposal room, and validates the request', async () => {
    const outsider = await live(fx.outsider);
    expect(await outsider.subscribe({ assemblyId: fx.assemblyId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await outsider.subscribe({ proposalId: fx.proposalId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await outsider.subscribe({ assemblyId: '../x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await outsider.subscribe('nonsense')).toMatchObject({ ok: false });
    const olga = await live(fx.olga);
    expect(await olga.subscribe({ assemblyId: fx.assemblyId })).toEqual({ ok: true });
    expect(await olga.subscribe({ proposalId: fx.proposalId })).toEqual({ ok: true });
  });

  it('pushes a new proposal to the members of its assembly, and to nobody else', async () => {
    const bob = await live(fx.bob);
    const outsider = await live(fx.outsider);
    await bob.subscribe({ assemblyId: fx.assemblyId });
    await outsider.subscribe({ assemblyId: fx.assemblyId });
    const created = await fx.ann.post(`/api/assemblies/${fx.assemblyId}/proposals`, { title: 'Fresh idea' });
    await waitFor(() => bob.events.some((e) => e.type === 'proposal.created'), 5000, 'bob hears of it');
    expect(bob.events.find((e) => e.type === 'proposal.created')).toMatchObject({
      assemblyId: fx.assemblyId,
      proposalId: created.body.id,
      title: 'Fresh idea',
      status: 'draft',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(outsider.events).toEqual([]);
  });

  it('ends a removed member\'s rooms and sync connections at once', async () => {
    const cleo = new ApiClient(server.url);
    await cleo.signUp('Cleo', uniqueEmail('cleo'));
    const inv = await fx.ann.post(`/api/assemblies/${fx.assemblyId}/invitations`, { role: 'member' });
    await cleo.post(`/api/invitations/${inv.body.token}/accept`);
    const cleoLive = await live(cleo);
    await cleoLive.subscribe({ assemblyId: fx.assemblyId });
    const text = await connectSyncClient(await syncTicket(cleo, fx.proposalId));
    const closes: number[] = [];
    text.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));

    expect((await fx.ann.delete(`/api/assemblies/${fx.assemblyId}/members/${cleo.userId}`)).status).toBe(204);
    await waitFor(() => closes.includes(4403), 5000, 'sync connection closed with 4403');
    await waitFor(() => cleoLive.events.some((e) => e.type === 'member.removed'), 5000, 'told personally');
    const seen = cleoLive.events.length;
    await fx.ann.post(`/api/assemblies/${fx.assemblyId}/proposals`, { title: 'After Cleo left' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cleoLive.events.length).toBe(seen);
    text.destroy();
  });

  it('reconnects a member whose role changed, with the new rights', async () => {
    const bobText = await connectSyncClient(await syncTicket(fx.bob, fx.proposalId));
    const closes: number[] = [];
    bobText.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
    expect((await fx.ann.patch(`/api/assemblies/${fx.assemblyId}/members/${fx.bob.userId}`, { role: 'observer' })).status).toBe(200);
    await waitFor(() => closes.includes(4503), 5000, 'closed to reconnect with the new role');
    bobText.destroy();
  });

  it('ends the open sockets of a session that signs out, and only those', async () => {
    const dora = new ApiClient(server.url);
    const email = uniqueEmail('dora');
    await dora.signUp('Dora', email);
    const inv = await fx.ann.post(`/api/assemblies/${fx.assemblyId}/invitations`, { role: 'member' });
    await dora.post(`/api/invitations/${inv.body.token}/accept`);
    const otherDevice = new ApiClient(server.url);
    await otherDevice.signIn(email, 'a long enough passphrase');

    const doraLive = await live(dora);
    const otherLive = await live(otherDevice);
    const text = await connectSyncClient(await syncTicket(dora, fx.proposalId));
    const otherText = await connectSyncClient(await syncTicket(otherDevice, fx.proposalId));
    const closes: number[] = [];
    text.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
    let disconnected = false;
    doraLive.socket.on('disconnect', () => (disconnected = true));

    const { token } = await syncTicket(dora, fx.proposalId);
    expect((await dora.post('/api/auth/sign-out')).status).toBe(200);
    // Closed to reconnect (4503), and the reconnect is refused for good (4401): the session is gone.
    await waitFor(() => closes.includes(4503) && closes.includes(4401), 5000, 'sync connection closed, then refused with 4401');
    await waitFor(() => disconnected, 5000, 'socket.io disconnected');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(otherLive.socket.connected).toBe(true);
    expect(otherText.provider.wsconnected).toBe(true);
    // A token issued to the ended session opens nothing either.
    const late = await connectSyncClient({ ...(await syncTicket(otherDevice, fx.proposalId)), token }, { waitForSync: false });
    const lateCloses: number[] = [];
    late.provider.on('connection-close', (event: CloseEvent | null) => event && lateCloses.push(event.code));
    await waitFor(() => lateCloses.includes(4401), 5000, 'token of an ended session refused');
    late.destroy();
    text.destroy();
    otherText.destroy();
  });
});
