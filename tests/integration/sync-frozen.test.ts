/**
 * Frozen texts (promise 4): while a proposal's status is 'decision' (and after it) the sync
 * server stores no update of it, relays none, and closes a client holding
 * edits the frozen text lacks with 4409. The check is made by the append
 * statement itself, so the tests change the status straight in the database
 * (no event, as another node's change would look) and open decisions the way
 * the decision service does: lock the proposal row FOR NO KEY UPDATE, set the
 * status, read the committed text, in one transaction.
 */
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../server/db/database';
import { publish } from '../../server/realtime/event-bus';
import { loadText, type StoredText } from '../../server/sync/document-store';
import { connectSyncClient, syncTicket, waitFor, watchCloses, xmlText, type SyncClient } from '../support/sync-clients';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let fx: SyncFixture;
const open: SyncClient[] = [];

async function client(who: 'ann' | 'bob', proposalId: string) {
  const c = await connectSyncClient(await syncTicket(fx[who], proposalId));
  open.push(c);
  return c;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  // No compaction, so that the log keeps every row it was given; idle texts unload quickly, so that a
  // test can load one while it is frozen.
  server = await startTestServer({ SYNC_COMPACT_EVERY: '100000', SYNC_IDLE_UNLOAD_SECONDS: '0.2' });
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server?.stop();
});

async function setStatus(proposalId: string, status: string): Promise<void> {
  await server.database.db.execute(sql`update proposal set status = ${status} where id = ${proposalId}`);
}

async function logSeqs(proposalId: string): Promise<number[]> {
  const result = await server.database.db.execute(sql`select seq from doc_update where proposal_id = ${proposalId} order by seq`);
  return (result as unknown as { rows: { seq: string | number }[] }).rows.map((row) => Number(row.seq));
}

/** The highest id in the update log: any row stored later has a higher one. */
async function lastLogId(): Promise<number> {
  const result = await server.database.db.execute(sql`select coalesce(max(id), 0) as id from doc_update`);
  return Number((result as unknown as { rows: { id: string | number }[] }).rows[0].id);
}

/** How many log rows were stored after the one with id `last` (a compaction may delete rows meanwhile, never add). */
async function rowsAfter(last: number): Promise<number> {
  const result = await server.database.db.execute(sql`select count(*)::int as n from doc_update where id > ${last}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

/** The text of what was read from the database. */
function textOf(stored: StoredText): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const row of stored.updates) Y.applyUpdate(doc, row.data);
  const text = xmlText(doc);
  doc.destroy();
  return text;
}

/**
 * Opens a decision as the decision service does, in one transaction: locks the
 * proposal row (FOR NO KEY UPDATE), runs `whileLocked`, sets the status, reads
 * the committed text, runs `afterReading`, commits. Returns the text it read.
 */
async function openDecision(
  proposalId: string,
  hooks: { whileLocked?: () => Promise<void>; afterReading?: () => Promise<void> } = {},
): Promise<StoredText> {
  return server.database.db.transaction(async (tx: Tx) => {
    await tx.execute(sql`select id from proposal where id = ${proposalId} for no key update`);
    await hooks.whileLocked?.();
    await tx.execute(sql`update proposal set status = 'decision' where id = ${proposalId}`);
    const stored = await loadText(tx, proposalId);
    await hooks.afterReading?.();
    return stored;
  });
}

/**
 * Waits until a statement waits for a row lock. PostgreSQL only: on PGlite the
 * open transaction holds the single connection, so nothing else can run.
 */
async function someoneWaitsForALock(): Promise<void> {
  if (server.database.kind !== 'postgres') return;
  const deadline = Date.now() + 5000;
  for (;;) {
    const result = await server.database.db.execute(sql`select count(*)::int as n from pg_locks where not granted`);
    if ((result as unknown as { rows: { n: number }[] }).rows[0].n > 0) return;
    if (Date.now() > deadline) throw new Error('no append waits for the lock of the opening transaction');
    await sleep(10);
  }
}

describe('a frozen text', () => {
  it('refuses an edit sent while frozen: not stored, not relayed, its sender closed with 4409', async () => {
    const proposalId = await newProposal(fx, 'Frozen');
    const a = await client('ann', proposalId);
    const b = await client('bob', proposalId);
    a.type('Before.');
    await waitFor(() => b.text() === 'Before.', 5000, 'in sync');
    const stored = await logSeqs(proposalId);

    await setStatus(proposalId, 'decision');
    const closes = watchCloses(a);
    a.type(' After.');
    await waitFor(() => closes.includes(4409), 5000, 'sender closed with 4409');
    await sleep(300);
    expect(b.text()).toBe('Before.');
    expect(await logSeqs(proposalId)).toEqual(stored);
    // A client that sent nothing keeps reading; the stock client does not reconnect after 4409.
    expect(b.provider.wsconnected).toBe(true);
    expect(a.provider.wsconnected).toBe(false);
    const fresh = await client('bob', proposalId);
    expect(fresh.text()).toBe('Before.');
  });

  it.each(['adopted', 'rejected', 'withdrawn'])('stays frozen once %s, until the proposal is back in deliberation', async (status) => {
    const proposalId = await newProposal(fx, `After the decision: ${status}`);
    const a = await client('ann', proposalId);
    const b = await client('bob', proposalId);
    a.type('Decided.');
    await waitFor(() => b.text() === 'Decided.', 5000, 'in sync');
    const stored = await logSeqs(proposalId);
    await setStatus(proposalId, status);
    const closes = watchCloses(a);
    a.type(' Edited later.');
    await waitFor(() => closes.includes(4409), 5000, 'sender closed with 4409');
    expect(await logSeqs(proposalId)).toEqual(stored);
    expect(b.text()).toBe('Decided.');
    await setStatus(proposalId, 'deliberation');
    const c = await client('ann', proposalId);
    b.type(' Reopened.');
    await waitFor(() => c.text() === 'Decided. Reopened.', 5000, 'stored and relayed again');
    expect((await logSeqs(proposalId)).length).toBeGreaterThan(stored.length);
  });

  it('lets a client that connects while frozen read, drops its edits and closes it with 4409 (status read with the text)', async () => {
    const proposalId = await newProposal(fx, 'Loaded frozen');
    const writer = await client('ann', proposalId);
    writer.type('Stable text.');
    const reader = await client('bob', proposalId);
    await waitFor(() => reader.text() === 'Stable text.', 5000, 'stored');
    writer.destroy();
    reader.destroy();
    await waitFor(() => !server.sync.registry.peek(proposalId), 5000, 'document unloaded');
    const last = await lastLogId();

    await setStatus(proposalId, 'decision');
    const c = await client('ann', proposalId);
    const d = await client('bob', proposalId);
    expect(server.sync.registry.peek(proposalId)?.frozen).toBe(true);
    expect(c.text()).toBe('Stable text.');
    const closes = watchCloses(c);
    c.type(' Mine.');
    await waitFor(() => closes.includes(4409), 5000, 'closed with 4409');
    await sleep(200);
    expect(d.text()).toBe('Stable text.');
    expect(d.provider.wsconnected).toBe(true);
    expect(await rowsAfter(last)).toBe(0);
  });

  it('keeps a reconnecting client that only repeats stored edits (its deletions too); thawed, its edits are stored again', async () => {
    const proposalId = await newProposal(fx, 'Thaw');
    const a = await client('ann', proposalId);
    const b = await client('bob', proposalId);
    a.type('Hello world');
    await waitFor(() => b.text() === 'Hello world', 5000, 'typed');
    const paragraph = a.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(5, 6);
    await waitFor(() => b.text() === 'Hello', 5000, 'deleted');

    // Frozen behind the document's back: it learns from the database's refusal.
    await setStatus(proposalId, 'decision');
    expect(server.sync.registry.peek(proposalId)?.frozen).toBe(false);
    const closes = watchCloses(a);
    a.provider.disconnect();
    a.provider.connect();
    // Its sync step 2 carries its whole delete set, which the text already holds: refused, but nothing to discard.
    await waitFor(() => server.sync.registry.peek(proposalId)?.frozen === true, 5000, 'refusal heard');
    await sleep(200);
    expect(closes).toEqual([]);
    expect(a.provider.wsconnected).toBe(true);

    await setStatus(proposalId, 'deliberation');
    a.type(', again');
    await waitFor(() => b.text() === 'Hello, again', 5000, 'stored and relayed after the thaw');
    expect(server.sync.registry.peek(proposalId)?.frozen).toBe(false);
    const fresh = await client('bob', proposalId);
    expect(fresh.text()).toBe('Hello, again');
  });

  it('follows status events at once', async () => {
    const proposalId = await newProposal(fx, 'Events');
    await client('ann', proposalId);
    const event = { type: 'proposal.status_changed', assemblyId: fx.assemblyId, proposalId, round: 1 };
    publish({ ...event, status: 'decision' } as unknown as Parameters<typeof publish>[0]);
    expect(server.sync.registry.peek(proposalId)?.frozen).toBe(true);
    publish({ ...event, status: 'deliberation' } as unknown as Parameters<typeof publish>[0]);
    expect(server.sync.registry.peek(proposalId)?.frozen).toBe(false);
  });
});

describe('an edit racing a decision opening', () => {
  it('waits for the opening transaction, then is refused: the version read is the whole stored text', async () => {
    const proposalId = await newProposal(fx, 'Opening');
    const a = await client('ann', proposalId);
    const b = await client('bob', proposalId);
    a.type('Before.');
    await waitFor(() => b.text() === 'Before.', 5000, 'in sync');
    const closes = watchCloses(a);
    const doc = server.sync.registry.peek(proposalId)!;

    const version = await openDecision(proposalId, {
      afterReading: async () => {
        // The text is read; the edit reaches the database before the opening commits.
        a.type(' Racing.');
        // Submitted and waiting; had it not waited, it would be stored and relayed by now.
        await waitFor(() => doc.inFlight > 0 || b.text() !== 'Before.', 5000, 'edit submitted');
        await sleep(100);
        expect(b.text(), 'relayed while the decision was opening').toBe('Before.');
        await someoneWaitsForALock();
      },
    });
    await waitFor(() => closes.includes(4409), 5000, 'closed with 4409');
    expect(textOf(version)).toBe('Before.');
    expect(await logSeqs(proposalId)).toEqual(version.updates.map((row) => row.seq));
    await sleep(200);
    expect(b.text()).toBe('Before.');
  });

  it('many writers while the status flips: nothing is stored after the flip, and everyone holds exactly the version', async () => {
    const proposalId = await newProposal(fx, 'Race');
    const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => client(i % 2 ? 'bob' : 'ann', proposalId)));
    const reader = await client('bob', proposalId);
    const closes = writers.map(watchCloses);
    const typing = setInterval(() => writers.forEach((w, i) => w.type(String.fromCharCode(97 + i))), 4);
    try {
      await waitFor(() => reader.text().length >= 60, 10_000, 'edits flowing');
      const version = await openDecision(proposalId, {
        // Edits keep coming while the row is locked: they queue behind it.
        whileLocked: async () => {
          await someoneWaitsForALock();
          await sleep(60);
        },
      });
      const flip = Math.max(...version.updates.map((row) => row.seq));
      await sleep(300);
      clearInterval(typing);
      await server.sync.registry.committer.idle();

      // Every row stored is one the opening read: none was committed after it.
      expect(await logSeqs(proposalId)).toEqual(version.updates.map((row) => row.seq));
      expect(Math.max(...(await logSeqs(proposalId)))).toBe(flip);
      const text = textOf(version);
      expect(text.length).toBeGreaterThanOrEqual(60);
      // Each writer kept typing, so each one held edits the frozen text lacks.
      closes.forEach((codes, i) => expect(codes, `writer ${i}`).toContain(4409));
      await waitFor(() => reader.text() === text, 5000, 'reader holds the version');
      await sleep(200);
      expect(reader.text()).toBe(text);
      expect(reader.provider.wsconnected).toBe(true);
      const fresh = await client('ann', proposalId);
      expect(fresh.text()).toBe(text);
    } finally {
      clearInterval(typing);
    }
  });
});
