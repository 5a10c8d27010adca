/**
 * Durable before relay: a kill -9 loses nothing any client received, and a
 * failed commit closes its sender with 4503 without relaying, then the
 * client's reconnect resends the edit.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSyncClient, syncTicket, waitFor, type SyncClient } from '../support/sync-clients';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { ownerSql } from '../support/owner-sql';
import { spawnServer, type ServerProcess } from '../support/server-process';
import { createServerStore, type ServerStore } from '../support/server-store';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Whether `doc` holds every item an update carries. (The writers here only
 * insert, so an update has no deletions to check: that is asserted too.)
 */
function holdsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  expect(ds.clients.size).toBe(0);
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  return structs.every((struct) => struct.constructor.name === 'Skip' || (vector.get(struct.id.client) ?? 0) >= struct.id.clock + struct.length);
}

describe('kill -9 of the server', () => {
  let store: ServerStore;
  let proc: ServerProcess | undefined;

  beforeAll(async () => {
    store = await createServerStore('kill');
  });
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await store?.dispose();
  });

  it('loses no update that any client received from the server', async () => {
    const env = store.env;
    proc = await spawnServer(env);
    const port = new URL(proc.url).port;
    const fx = await buildSyncFixture(proc.url);

    const clients: SyncClient[] = [];
    const received: Uint8Array[][] = [];
    for (let i = 0; i < 20; i++) {
      const client = await connectSyncClient(await syncTicket(i % 2 ? fx.bob : fx.ann, fx.proposalId));
      const seen: Uint8Array[] = [];
      // Everything the server sent this client: sync replies and relayed updates.
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === client.provider) seen.push(update);
      });
      clients.push(client);
      received.push(seen);
    }
    const writing = setInterval(() => clients.forEach((c, i) => c.type(String.fromCharCode(65 + i))), 15);
    await waitFor(() => received.every((updates) => updates.length >= 20), 10_000, 'relays flowing');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await proc.kill('SIGKILL');
    clearInterval(writing);
    for (const client of clients) client.destroy();

    proc = await spawnServer({ ...env, PORT: port });
    const fresh = await connectSyncClient(await syncTicket(fx.ann, fx.proposalId));
    const relayed = received.reduce((sum, updates) => sum + updates.length, 0);
    expect(relayed).toBeGreaterThan(400);
    received.forEach((updates, i) =>
      updates.forEach((update, j) => expect(holdsUpdate(fresh.doc, update), `client ${i}, update ${j} is missing`).toBe(true)),
    );
    fresh.destroy();
  });
});

describe('a failed commit', () => {
  let server: TestServer;
  let fx: SyncFixture;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await buildSyncFixture(server.url);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('closes the sender with 4503 and relays nothing; its reconnect resends the edit', async () => {
    const proposalId = await newProposal(fx, 'Failing disk');
    const a = await connectSyncClient(await syncTicket(fx.ann, proposalId));
    const b = await connectSyncClient(await syncTicket(fx.bob, proposalId));
    a.type('Before.');
    await waitFor(() => b.text() === 'Before.', 5000, 'in sync');

    // Triggers are the owner's business: the server's own role (plenary_app) may not create them.
    await ownerSql(
      server,
      `create function test_refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end; $$`,
      'create trigger test_refuse_insert before insert on doc_update for each row execute function test_refuse_insert()',
    );
    const closes: number[] = [];
    a.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    a.type(' After.');
    await waitFor(() => closes.includes(4503), 5000, 'sender closed with 4503');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.text()).toBe('Before.');

    await ownerSql(server, 'drop trigger test_refuse_insert on doc_update', 'drop function test_refuse_insert()');
    await waitFor(() => b.text() === 'Before. After.', 10_000, 'resent on reconnect and relayed');
    const fresh = await connectSyncClient(await syncTicket(fx.bob, proposalId));
    expect(fresh.text()).toBe('Before. After.');
    for (const c of [a, b, fresh]) c.destroy();
  });
});
