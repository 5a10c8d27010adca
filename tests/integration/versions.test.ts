/** Named versions: a frozen copy of the committed text, with its hash, ledgered and announced; observers read only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/ledger';
import { fingerprint } from '../support/db-fingerprint';
import { connectRealtime } from '../support/realtime-client';
import { connectSyncClient, syncTicket, waitFor } from '../support/sync-clients';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
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

describe('versions', () => {
  it('freezes the committed text, lists it, and keeps it while the text moves on', async () => {
    const proposalId = await newProposal(fx, 'Versioned');
    const writer = await connectSyncClient(await syncTicket(fx.ann, proposalId));
    const reader = await connectSyncClient(await syncTicket(fx.bob, proposalId));
    const live = await connectRealtime(server.url, fx.olga);
    try {
      expect(await live.subscribe({ proposalId })).toEqual({ ok: true });
      writer.type('First draft.');
      await waitFor(() => reader.text() === 'First draft.', 10_000, 'committed');
      const saved = await fx.bob.post(`/api/proposals/${proposalId}/versions`, { name: '  Before the meeting ' });
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({ name: 'Before the meeting', kind: 'named', round: 1, createdBy: { name: 'Bob' } });
      expect(saved.body.text.content[0].content[0].text).toBe('First draft.');
      expect(saved.body.textHash).toBe(contentHash(saved.body.text));

      writer.type(' Then more.');
      await waitFor(() => reader.text() === 'First draft. Then more.', 10_000, 'committed again');
      const kept = await fx.olga.get(`/api/versions/${saved.body.id}`);
      expect(kept.body.text.content[0].content[0].text).toBe('First draft.');
      const list = await fx.olga.get(`/api/proposals/${proposalId}/versions`);
      expect(list.body.versions.map((v: { id: string }) => v.id)).toEqual([saved.body.id]);
      expect(list.body.versions[0]).not.toHaveProperty('text');

      await waitFor(() => live.events.some((e) => e.type === 'version.saved'), 5000, 'announced');
      expect(live.events.find((e) => e.type === 'version.saved')).toMatchObject({ versionId: saved.body.id, actorId: fx.bob.userId });
      const verify = await fx.ann.get(`/api/proposals/${proposalId}/ledger/verify`);
      expect(verify.body).toMatchObject({ ok: true, length: 2 });
    } finally {
      writer.destroy();
      reader.destroy();
      live.close();
    }
  });

  it('refuses observers, outsiders and bad names, changing nothing', async () => {
    const proposalId = await newProposal(fx, 'Guarded');
    const before = await fingerprint(server.database.db);
    expect((await fx.olga.post(`/api/proposals/${proposalId}/versions`, { name: 'Mine' })).body.error.reason).toBe('OBSERVERS_CANNOT_SAVE_VERSIONS');
    expect((await fx.outsider.post(`/api/proposals/${proposalId}/versions`, { name: 'Mine' })).status).toBe(404);
    expect((await fx.bob.post(`/api/proposals/${proposalId}/versions`, { name: '' })).status).toBe(400);
    expect((await fx.bob.post(`/api/proposals/${proposalId}/versions`, { name: 'x'.repeat(121) })).status).toBe(400);
    expect(await fingerprint(server.database.db)).toBe(before);
    const saved = await fx.bob.post(`/api/proposals/${proposalId}/versions`, { name: 'Ok' });
    expect((await fx.outsider.get(`/api/versions/${saved.body.id}`)).status).toBe(404);
    expect((await fx.outsider.get(`/api/proposals/${proposalId}/versions`)).status).toBe(404);
  });
});
