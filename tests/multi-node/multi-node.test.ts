/**
 * Several nodes: two server processes share PostgreSQL and Redis. Clients on
 * either node co-edit one text, hear each other's events, survive the death of
 * a node and a restart of Redis, and lose their access on every node at once.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESYNC } from '../../core/realtime-events';
import { encodeTextMessage } from '../../server/cluster/text-message';
import { SYNC_CLOSE } from '../../core/sync-protocol';
import { ApiClient } from '../support/api-client';
import { connectRealtime, type RealtimeClient } from '../support/realtime-client';
import { connectSyncClient, syncTicket, waitFor, watchCloses, type SyncClient } from '../support/sync-clients';
import { addMember, buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTcpProxy } from '../support/tcp-proxy';
import { startCluster, type Cluster } from './cluster-fixture';

let cluster: Cluster;
let fx: SyncFixture;
const open: { destroy(): void }[] = [];

const node = (index: number) => cluster.nodes[index];
const portOf = (index: number) => Number(new URL(node(index).url).port);
/** The same person, signed in once, talking to node `index`. */
const on = (person: ApiClient, index: number) => person.at(node(index).url);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function editor(person: ApiClient, index: number, proposalId: string): Promise<SyncClient> {
  const client = await connectSyncClient(await syncTicket(on(person, index), proposalId));
  open.push(client);
  return client;
}

async function live(person: ApiClient, index: number, room: { proposalId: string } | { assemblyId: string }): Promise<RealtimeClient> {
  const client = await connectRealtime(node(index).url, on(person, index));
  open.push({ destroy: () => client.close() });
  expect((await client.subscribe(room)).ok).toBe(true);
  return client;
}

async function readyz(index: number): Promise<{ status: number; checks: Record<string, string> }> {
  const response = await fetch(new URL('/readyz', node(index).url)).catch(() => undefined);
  if (!response) return { status: 0, checks: {} };
  const body = (await response.json()) as { checks: Record<string, string> };
  return { status: response.status, checks: body.checks };
}

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A text as stored in PostgreSQL (snapshot, then the log in order), read straight from the database. */
async function storedDoc(proposalId: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: cluster.postgres.url });
  await client.connect();
  try {
    const doc = new Y.Doc();
    const snapshot = await client.query('select state from doc_snapshot where proposal_id = $1', [proposalId]);
    if (snapshot.rows[0]) Y.applyUpdate(doc, snapshot.rows[0].state as Uint8Array);
    const log = await client.query('select data from doc_update where proposal_id = $1 order by seq', [proposalId]);
    for (const row of log.rows as { data: Uint8Array }[]) Y.applyUpdate(doc, row.data);
    return doc;
  } finally {
    await client.end();
  }
}

/** A text's sequence as stored: the snapshot's last folded update, the log's numbers, the counter. */
async function textSequence(proposalId: string): Promise<{ throughSeq: number; seqs: number[]; lastSeq: number }> {
  const client = new pg.Client({ connectionString: cluster.postgres.url });
  await client.connect();
  try {
    const through = await client.query('select through_seq from doc_snapshot where proposal_id = $1', [proposalId]);
    const log = await client.query('select seq from doc_update where proposal_id = $1 order by seq', [proposalId]);
    const counter = await client.query('select last_seq from doc_sequence where proposal_id = $1', [proposalId]);
    return {
      throughSeq: Number(through.rows[0].through_seq),
      seqs: log.rows.map((row: { seq: string }) => Number(row.seq)),
      lastSeq: Number(counter.rows[0].last_seq),
    };
  } finally {
    await client.end();
  }
}

/** Whether `doc` holds every item `update` carries (writers here only insert). */
function holdsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs } = Y.decodeUpdate(update);
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  return structs.every((struct) => struct.constructor.name === 'Skip' || (vector.get(struct.id.client) ?? 0) >= struct.id.clock + struct.length);
}

beforeAll(async () => {
  cluster = await startCluster(2);
  fx = await buildSyncFixture(node(0).url);
});

afterAll(async () => {
  for (const client of open) client.destroy();
  await cluster?.stop();
});

describe('two nodes sharing PostgreSQL and Redis', () => {
  it('report PostgreSQL and Redis ready', async () => {
    for (const index of [0, 1]) expect(await readyz(index)).toEqual({ status: 200, checks: { database: 'ok', redis: 'ok' } });
  });

  it('let clients on node 1 and node 2 co-edit one text and converge, presence included', async () => {
    const proposalId = await newProposal(fx, 'Co-edited across nodes');
    const ann = await editor(fx.ann, 0, proposalId);
    const bob = await editor(fx.bob, 1, proposalId);
    const markers: string[] = [];
    for (let i = 0; i < 60; i++) {
      ann.type(`a${i};`);
      bob.type(`b${i};`);
      markers.push(`a${i};`, `b${i};`);
      await sleep(5);
    }
    await waitFor(() => ann.text() === bob.text() && markers.every((m) => ann.text().includes(m)), 15_000, 'both copies hold every edit');
    // Each node stored its own clients' edits: a fresh reader on either node gets the same text from the database.
    for (const index of [0, 1]) {
      const reader = await editor(fx.olga, index, proposalId);
      await waitFor(() => reader.text() === ann.text(), 10_000, `a fresh reader on node ${index + 1}`);
    }
    // As the editor does once a caret exists (a client's first state, clock 0, is never applied by others).
    ann.provider.awareness.setLocalStateField('cursor', null);
    bob.provider.awareness.setLocalStateField('cursor', null);
    // Both nodes appended to one text (and compacted it, every 25 rows): the sequence has no gap and no repeat.
    const stored = await textSequence(proposalId);
    expect(stored.seqs).toEqual(Array.from({ length: stored.lastSeq - stored.throughSeq }, (_, i) => stored.throughSeq + i + 1));
    expect(stored.lastSeq).toBeGreaterThanOrEqual(120);
    // Compaction (every 25 rows here) ran while both nodes wrote.
    expect(stored.throughSeq).toBeGreaterThan(0);
    const names = (client: SyncClient) => [...client.provider.awareness.getStates().values()].map((state) => (state as { user?: { name?: string } }).user?.name);
    await waitFor(() => names(bob).includes('Ann') && names(ann).includes('Bob'), 10_000, 'presence across nodes');
  });

  it('deliver a dissent filed through node 1 to a socket.io client on node 2, once', async () => {
    const proposalId = await newProposal(fx, 'Dissent across nodes');
    const bobLive = await live(fx.bob, 1, { proposalId });
    const filed = await fx.ann.post(`/api/proposals/${proposalId}/dissents`, { title: 'Not like this', body: 'Filed on node 1.' });
    expect(filed.status).toBe(201);
    const heard = () => bobLive.events.filter((event) => event.type === 'dissent.filed' && 'dissentId' in event && event.dissentId === filed.body.id);
    await waitFor(() => heard().length > 0, 10_000, 'the event on node 2');
    await sleep(300);
    expect(heard()).toHaveLength(1);
  });

  it('lose no relayed update when node 1 is killed; its clients reconnect through the proxy to node 2 with their unsent edits and converge', async () => {
    const proposalId = await newProposal(fx, 'Survives a node');
    const proxy = await startTcpProxy(portOf(0));
    open.push({ destroy: () => void proxy.close() });
    const writers: SyncClient[] = [];
    const received: Uint8Array[][] = [];
    for (let i = 0; i < 6; i++) {
      const ticket = await syncTicket(i % 2 ? fx.bob : fx.ann, proposalId);
      const writer = await connectSyncClient({ ...ticket, serverUrl: `ws://127.0.0.1:${proxy.port}/yjs` });
      open.push(writer);
      const seen: Uint8Array[] = [];
      // Everything node 1 sent this client: sync replies and relays, each durable before it was sent.
      writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === writer.provider) seen.push(update);
      });
      writers.push(writer);
      received.push(seen);
    }
    const watcher = await editor(fx.olga, 1, proposalId);
    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      writers.forEach((writer, i) => {
        const marker = `w${i}.${n};`;
        writer.type(marker);
        typed.push(marker);
      });
      n++;
    }, 20);
    try {
      await waitFor(() => received.every((updates) => updates.length >= 20), 15_000, 'relays flowing on node 1');
      await waitFor(() => watcher.text().length > 200, 15_000, 'node 2 hearing node 1');
      await node(0).kill('SIGKILL');
      // Before any writer can reach another node (and resend what it holds): every update node 1 sent any
      // client, relay or sync reply, is in PostgreSQL.
      const durable = await storedDoc(proposalId);
      const relayed = received.reduce((sum, updates) => sum + updates.length, 0);
      expect(relayed).toBeGreaterThan(100);
      received.forEach((updates, i) =>
        updates.forEach((update, j) => expect(holdsUpdate(durable, update), `writer ${i}, update ${j} from node 1 is not stored`).toBe(true)),
      );
      proxy.retarget(portOf(1));
      // Typed while no node stores them: held by the providers until they reconnect.
      await sleep(400);
    } finally {
      clearInterval(typing);
    }
    await waitFor(() => writers.every((writer) => writer.provider.wsconnected && writer.provider.synced), 20_000, 'writers reconnected to node 2');
    await waitFor(
      () => writers.every((writer) => writer.text() === watcher.text()) && typed.every((marker) => watcher.text().includes(marker)),
      20_000,
      'every copy holds every edit',
    );
    const fresh = await editor(fx.olga, 1, proposalId);
    expect(fresh.text()).toBe(watcher.text());
    await cluster.restart(0);
  });

  it('converge again after a Redis restart, and a client that missed events reads them back', async () => {
    const proposalId = await newProposal(fx, 'Survives Redis');
    const ann = await editor(fx.ann, 0, proposalId);
    const bob = await editor(fx.bob, 1, proposalId);
    const bobLive = await live(fx.bob, 1, { proposalId });
    let resyncs = 0;
    bobLive.socket.on(RESYNC, () => resyncs++);
    ann.type('Before;');
    await waitFor(() => bob.text() === 'Before;', 10_000, 'in sync before the restart');
    const first = await fx.ann.post(`/api/proposals/${proposalId}/dissents`, { title: 'Before the outage', body: 'Heard live.' });
    await waitFor(() => bobLive.events.some((e) => 'dissentId' in e && e.dissentId === first.body.id), 10_000, 'first dissent heard live');
    const seqs = () => new Set(bobLive.events.flatMap((e) => ('ledger' in e ? [e.ledger.seq] : [])));
    const lastHeard = Math.max(...seqs());
    const firstHeard = Math.min(...seqs());
    // A member editing through node 2, to be removed through node 1 while the nodes cannot tell each other.
    const dan = await addMember(fx, node(0).url, 'Dan');
    const danText = await editor(dan, 1, proposalId);
    const danCloses = watchCloses(danText);
    const danLive = await live(dan, 1, { proposalId });

    await cluster.redis.stop();
    await waitForAsync(async () => (await readyz(0)).status === 503 && (await readyz(1)).status === 503, 15_000, 'both nodes not ready');
    expect((await readyz(0)).checks).toMatchObject({ database: 'ok', redis: expect.stringMatching(/failed|timeout/) });
    ann.type('Ann-during;');
    bob.type('Bob-during;');
    const during: string[] = [];
    for (let i = 0; i < 3; i++) {
      const filed = await fx.ann.post(`/api/proposals/${proposalId}/dissents`, { title: `During the outage ${i}`, body: 'Not heard live.' });
      expect(filed.status).toBe(201);
      during.push(filed.body.id as string);
    }
    expect((await fx.ann.delete(`/api/assemblies/${fx.assemblyId}/members/${dan.userId}`)).status).toBe(204);
    await sleep(300);
    expect(danCloses).toEqual([]);

    await cluster.redis.start();
    await waitForAsync(async () => (await readyz(0)).status === 200 && (await readyz(1)).status === 200, 20_000, 'both nodes ready again');
    await waitFor(
      () => ann.text() === bob.text() && ann.text().includes('Ann-during;') && ann.text().includes('Bob-during;'),
      20_000,
      'both copies converge after the restart',
    );
    await waitFor(() => resyncs > 0, 20_000, 'told to re-read');
    // What the client heard live plus what it reads after its last heard seq: the whole chain, nothing missing.
    const caught = await on(fx.bob, 1).get(`/api/proposals/${proposalId}/ledger?after=${lastHeard}`);
    expect(caught.status).toBe(200);
    const entries = caught.body.entries as { seq: number; kind: string; data: { dissentId?: string } }[];
    const all = new Set([...seqs(), ...entries.map((entry) => entry.seq)]);
    const head = caught.body.head.seq as number;
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: head - firstHeard + 1 }, (_, i) => firstHeard + i));
    expect(entries.filter((entry) => entry.kind === 'dissent.filed')).toHaveLength(3);

    // The removal made while node 2 could not hear of it is found by its check after the outage.
    await waitFor(() => danCloses.includes(SYNC_CLOSE.forbidden), 15_000, 'the removed member disconnected from node 2');

    // And live delivery works again, to members only.
    const after = await fx.ann.post(`/api/proposals/${proposalId}/dissents`, { title: 'After the outage', body: 'Heard live again.' });
    await waitFor(() => bobLive.events.some((e) => 'dissentId' in e && e.dissentId === after.body.id), 10_000, 'live again');
    await sleep(300);
    expect(danLive.events.some((e) => 'dissentId' in e && e.dissentId === after.body.id)).toBe(false);
    ann.type('After;');
    await waitFor(() => bob.text().endsWith('After;'), 10_000, 'text relayed again');
  });

  it('ignore whatever reaches Redis without the nodes\' seal', async () => {
    const proposalId = await newProposal(fx, 'Forgery');
    const ann = await editor(fx.ann, 0, proposalId);
    const bob = await editor(fx.bob, 1, proposalId);
    ann.type('Genuine;');
    await waitFor(() => bob.text() === 'Genuine;', 10_000, 'in sync');
    // Someone who can publish on Redis but lacks AUTH_SECRET: an edit with the next number, and a removal.
    const forger = new Redis(cluster.redis.url);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ann.doc));
    const before = Y.encodeStateVector(copy);
    ((copy.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'FORGED;');
    const forged = Y.encodeStateAsUpdate(copy, before);
    const message = encodeTextMessage({ kind: 'update', node: 'node-x', seq: 2, update: forged });
    await forger.publish(`plenary:text:${proposalId}`, Buffer.from(message));
    await forger.publish(`plenary:text:${proposalId}`, Buffer.concat([message, Buffer.alloc(32, 7)]));
    await forger.publish('plenary:events', JSON.stringify({ kind: 'event', node: 'node-x', event: { type: 'member.removed', assemblyId: fx.assemblyId, userId: fx.bob.userId } }));
    await forger.quit();
    const closes = watchCloses(bob);
    await sleep(500);
    expect(bob.text()).toBe('Genuine;');
    expect(closes).toEqual([]);
    // The genuine next update still arrives: the forgery did not take its number.
    ann.type('Next;');
    await waitFor(() => bob.text() === 'Genuine;Next;', 10_000, 'the next genuine edit');
  });

  it('disconnect a member removed on node 1 from node 2', async () => {
    const cleo = await addMember(fx, node(0).url, 'Cleo');
    const text = await editor(cleo, 1, fx.proposalId);
    const closes = watchCloses(text);
    const cleoLive = await live(cleo, 1, { assemblyId: fx.assemblyId });
    expect((await fx.ann.delete(`/api/assemblies/${fx.assemblyId}/members/${cleo.userId}`)).status).toBe(204);
    await waitFor(() => closes.includes(SYNC_CLOSE.forbidden), 10_000, 'sync connection on node 2 closed with 4403');
    await waitFor(() => cleoLive.events.some((e) => e.type === 'member.removed'), 10_000, 'told on node 2');
    // And node 2 admits her no more.
    expect((await on(cleo, 1).post(`/api/proposals/${fx.proposalId}/sync-token`)).status).toBe(404);
  });

  it('count sign-in attempts from one address on every node against one limit', async () => {
    const guess = (index: number) => new ApiClient(node(index).url).signIn('nobody@example.org', 'a wrong passphrase');
    for (const index of [0, 1, 0, 1, 0]) expect((await guess(index)).status).toBe(401);
    expect((await guess(1)).status).toBe(429);
    expect((await guess(0)).status).toBe(429);
  });
});
