/**
 * Graceful shutdown (SIGTERM): /readyz turns 503 at once and stays so for the
 * drain time while the node still answers; then pending edits are stored and
 * sync clients are closed with 1001, so that they reconnect (elsewhere, or to
 * this node once it is back) and nothing they were told is saved is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_CLOSE } from '../../core/sync-protocol';
import { spawnServer, type ServerProcess } from '../support/server-process';
import { connectSyncClient, syncTicket, waitFor, watchCloses } from '../support/sync-clients';
import { buildSyncFixture } from '../support/sync-fixture';
import { createServerStore, type ServerStore } from '../support/server-store';

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
    writer.destroy();
    const reader = await connectSyncClient(await syncTicket(fx.bob, fx.proposalId));
    expect(reader.text()).toContain('Typed while the node drains.');
    reader.destroy();
  });
});
