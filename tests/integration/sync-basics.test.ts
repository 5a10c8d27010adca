import * as Y from 'yjs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDurable, mergeDurableStates, type DurableState } from '../../core/durability';
import { connectSyncClient, syncTicket, waitFor, type SyncClient } from '../support/sync-clients';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let fx: SyncFixture;
const open: SyncClient[] = [];

async function client(
  who: keyof Pick<SyncFixture, 'ann' | 'bob' | 'olga'>,
  proposalId = fx.proposalId,
  options: Parameters<typeof connectSyncClient>[1] = {},
) {
  const c = await connectSyncClient(await syncTicket(fx[who], proposalId), options);
  open.push(c);
  return c;
}

beforeAll(async () => {
  server = await startTestServer({ SYNC_COMPACT_EVERY: '7', SYNC_IDLE_UNLOAD_SECONDS: '0.2' });
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server?.stop();
});

async function logRows(proposalId: string): Promise<number> {
  const result = await server.database.db.execute(sql`select count(*)::int as n from doc_update where proposal_id = ${proposalId}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

describe('the sync server', () => {
  it('starts a proposal with a server-made paragraph, and two clients converge', async () => {
    const a = await client('ann');
    const b = await client('bob');
    expect(a.doc.getXmlFragment('default').length).toBe(1);
    a.type('Hello');
    await waitFor(() => b.text() === 'Hello', 5000, 'b sees a');
    b.type(', world');
    await waitFor(() => a.text() === 'Hello, world', 5000, 'a sees b');
  });

  it('keeps the text across a restart, without doubling the initial paragraph', async () => {
    const proposalId = await newProposal(fx, 'Restart');
    const a = await client('ann', proposalId);
    a.type('Durable words');
    await waitFor(() => a.provider.wsconnected, 5000);
    const b = await client('bob', proposalId);
    await waitFor(() => b.text() === 'Durable words', 5000, 'relay');
    a.destroy();
    b.destroy();
    await server.restart();
    const fresh = await client('bob', proposalId);
    expect(fresh.text()).toBe('Durable words');
    expect(fresh.doc.getXmlFragment('default').length).toBe(1);
  });

  it('tells a client that asked for it when its insertions and deletions are durable (the saved signal)', async () => {
    const proposalId = await newProposal(fx, 'Saved');
    let durable: DurableState | undefined;
    const a = await client('ann', proposalId, { saved: true, onSaved: (state: DurableState) => (durable = mergeDurableStates(durable, state)) });
    await waitFor(() => durable !== undefined && isDurable(a.doc, durable), 5000, 'saved at connection');
    a.type('Keep me');
    expect(isDurable(a.doc, durable!)).toBe(false);
    await waitFor(() => isDurable(a.doc, durable!), 5000, 'saved signal covering the insertion');
    expect(await logRows(proposalId)).toBeGreaterThan(0);
    const paragraph = a.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(0, 5);
    expect(isDurable(a.doc, durable!)).toBe(false);
    await waitFor(() => isDurable(a.doc, durable!), 5000, 'saved signal covering the deletion');
    expect(a.text()).toBe('me');
  });

  it('stamps presence with the session identity: nobody can appear as someone else', async () => {
    const a = await client('ann');
    const b = await client('bob');
    a.provider.awareness.setLocalStateField('user', { id: 'someone-else', name: 'Mallory', color: '#000' });
    a.provider.awareness.setLocalStateField('cursor', { at: 3 });
    await waitFor(() => {
      const state = b.provider.awareness.getStates().get(a.doc.clientID);
      return state?.cursor?.at === 3;
    }, 5000, 'presence relayed');
    const seen = b.provider.awareness.getStates().get(a.doc.clientID)!;
    expect(seen.user).toMatchObject({ id: fx.ann.userId, name: 'Ann' });
    expect(seen.user.color).toMatch(/^#[0-9a-f]{6}$/);
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'presence removed on leave');
  });

  it('lets an observer read live but neither applies nor relays its edits', async () => {
    const proposalId = await newProposal(fx, 'Observed');
    const olga = await client('olga', proposalId);
    const bob = await client('bob', proposalId);
    bob.type('Members write.');
    await waitFor(() => olga.text() === 'Members write.', 5000, 'observer reads live');
    olga.type(' Observers do not.');
    // Give the server time to (wrongly) relay; then a fresh reader must see only the member's text.
    bob.type(' Still live.');
    await waitFor(() => olga.text().includes('Still live.'), 5000, 'observer still reads live');
    const fresh = await client('ann', proposalId);
    expect(fresh.text()).toBe('Members write. Still live.');
    expect(bob.text()).toBe('Members write. Still live.');
  });

  it('refuses a sync token to outsiders', async () => {
    expect((await fx.outsider.post(`/api/proposals/${fx.proposalId}/sync-token`)).status).toBe(404);
    expect((await fx.olga.post(`/api/proposals/${fx.proposalId}/sync-token`)).body.readOnly).toBe(true);
  });

  it('compacts the log into the snapshot without losing updates written concurrently', async () => {
    const proposalId = await newProposal(fx, 'Compaction');
    const writers = await Promise.all([client('ann', proposalId), client('bob', proposalId), client('ann', proposalId)]);
    for (let round = 0; round < 20; round++) writers.forEach((w, i) => w.type(String.fromCharCode(97 + i)));
    await waitFor(() => writers.every((w) => w.text().length === 60), 10_000, 'all writers converge');
    const expected = writers[0].text();
    expect(new Set(writers.map((w) => w.text()))).toEqual(new Set([expected]));
    for (const w of writers) w.destroy();
    // Idle unload compacts whatever is left; the log then holds fewer rows than the 60 updates written.
    await waitFor(() => !server.sync.registry.peek(proposalId), 5000, 'document unloaded');
    expect(await logRows(proposalId)).toBeLessThan(7);
    const reader = await client('bob', proposalId);
    expect(reader.text()).toBe(expected);
  });
});
