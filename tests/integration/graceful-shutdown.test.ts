/**
 * Graceful shutdown (SIGTERM): /readyz turns 503 at once and stays so for the
 * drain time while the node still answers; then pending edits are stored and
 * sync clients are closed with 1001, so that they reconnect (elsewhere, or to
 * this node once it is back) and nothing they were told is saved is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_CLOSE } from '../../core/sync-protocol';
import { spawnServer, type ServerProcess } from '../support/server-process';
import { connectSyncClient, destroyOnFirstClose, syncTicket, waitFor, watchCloses } from '../support/sync-clients';
import { buildSyncFixture } from '../support/sync-fixture';
import { ownerSql } from '../support/owner-sql';
import { createServerStore, type ServerStore } from '../support/server-store';
import { startTestServer, type TestServer } from '../support/test-server';

describe('SIGTERM', () => {
  let store: ServerStore;
  let proc: ServerProcess | undefined;

  beforeAll(async () => {
    store = await createServerStore('shutdown');
  });
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await store?.dispose();
  });

  it('reports not ready while draining, then stores pending edits and closes sync clients with 1001', async () => {
    const env = { ...store.env, SHUTDOWN_DRAIN_SECONDS: '2' };
    proc = await spawnServer(env);
    const port = new URL(proc.url).port;
    const fx = await buildSyncFixture(proc.url);
    const writer = await connectSyncClient(await syncTicket(fx.ann, fx.proposalId));
    const closes = watchCloses(writer);
    destroyOnFirstClose(writer);
    expect((await fetch(`${proc.url}/readyz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => proc!.child.once('exit', (code) => resolve(code)));
    const stopping = proc.kill('SIGTERM');
    // Still answering, but not ready: a load balancer stops sending new clients here.
    const statuses: number[] = [];
    const deadline = Date.now() + 1500;
    while (!statuses.includes(503) && Date.now() < deadline) {
      const response = await fetch(`${proc.url}/readyz`).catch(() => undefined);
      statuses.push(response?.status ?? -1);
      if (!statuses.includes(503)) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statuses).toContain(503);
    expect(await (await fetch(`${proc.url}/readyz`)).json()).toMatchObject({ status: 'shutting-down' });
    expect(closes).toEqual([]);
    writer.type('Typed while the node drains.');
    await waitFor(() => closes.includes(SYNC_CLOSE.goingAway), 10_000, 'closed with 1001');
    await stopping;
    expect(await exited).toBe(0);

    proc = await spawnServer({ ...env, PORT: port });
    const reader = await connectSyncClient(await syncTicket(fx.bob, fx.proposalId));
    expect(reader.text()).toContain('Typed while the node drains.');
    reader.destroy();
  });
});

describe('closing with an edit still being stored', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stores it before telling its sender to go (1001)', async () => {
    const fx = await buildSyncFixture(server.url);
    const writer = await connectSyncClient(await syncTicket(fx.ann, fx.proposalId));
    const closes = watchCloses(writer);
    destroyOnFirstClose(writer);
    // Every append now takes half a second: the edit below is still being stored when the server closes.
    await ownerSql(
      server,
      `create function test_slow_append() returns trigger language plpgsql as $$ begin perform pg_sleep(0.5); return new; end; $$`,
      'create trigger test_slow_append before insert on doc_update for each row execute function test_slow_append()',
    );
    let committed = 0;
    const stopObserving = server.sync.registry.committer.observe((report) => (committed += report.committed));
    writer.type('Stored on the way out.');
    // On PostgreSQL the close below starts while the edit is being stored. (PGlite runs in this thread:
    // its half-second sleep holds the whole process, so there the edit is stored before the close starts.)
    await waitFor(() => (server.sync.registry.peek(fx.proposalId)?.inFlight ?? 0) > 0 || committed > 0, 5000, 'the edit received');
    // What the server had stored when its sender heard 1001.
    let storedAtClose = -1;
    writer.provider.on('connection-close', () => (storedAtClose = storedAtClose < 0 ? committed : storedAtClose));
    await server.restart();
    stopObserving();
    expect(closes).toEqual([SYNC_CLOSE.goingAway]);
    expect(storedAtClose).toBeGreaterThan(0);
    await ownerSql(server, 'drop trigger test_slow_append on doc_update', 'drop function test_slow_append()');
    const reader = await connectSyncClient(await syncTicket(fx.bob, fx.proposalId));
    expect(reader.text()).toBe('Stored on the way out.');
    reader.destroy();
  });
});
