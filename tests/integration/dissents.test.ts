/**
 * Dissents through the API as members use them: anchored to a passage the
 * server resolves itself, revised with history, withdrawn but kept, co-signed,
 * answered in nested threads, counted in the proposal list, announced live,
 * and each step recorded in the proposal's ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { verifyChain, type LedgerEntry } from '../../core/ledger';
import { ApiClient } from '../support/api-client';
import { fingerprint } from '../support/db-fingerprint';
import { connectRealtime, type RealtimeClient } from '../support/realtime-client';
import { connectSyncClient, syncTicket, waitFor, type SyncClient } from '../support/sync-clients';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';
import { MAX_JSON_BODY_BYTES } from '../../server/http/route';

let server: TestServer;
let fx: SyncFixture;
const closers: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  for (const close of closers) close();
  await server?.stop();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A writer's client with `text` typed and committed (seen by a second client, which only ever receives committed updates). */
async function writeText(person: ApiClient, proposalId: string, text: string): Promise<SyncClient> {
  const writer = await connectSyncClient(await syncTicket(person, proposalId));
  const reader = await connectSyncClient(await syncTicket(person, proposalId));
  closers.push(() => writer.destroy(), () => reader.destroy());
  writer.type(text);
  await waitFor(() => reader.text() === text, 10_000, 'text committed and relayed');
  return writer;
}

/** Relative positions of `phrase` in the first paragraph, as the browser's editor binding makes them. */
function anchorOf(client: SyncClient, phrase: string) {
  const paragraph = client.doc.getXmlFragment('default').get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const from = text.toString().indexOf(phrase);
  expect(from).toBeGreaterThanOrEqual(0);
  return {
    start: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from, 0))),
    end: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from + phrase.length, -1))),
  };
}

async function ledgerOf(proposalId: string): Promise<LedgerEntry[]> {
  const result = await server.database.db.execute(
    `select entry, hash from ledger_entry where proposal_id = '${proposalId}' order by seq` as never,
  );
  return (result as unknown as { rows: { entry: LedgerEntry; hash: string }[] }).rows.map((row) => ({ ...row.entry, hash: row.hash }));
}

describe('filing', () => {
  it('anchors to a passage of the committed text, with the quote computed by the server', async () => {
    const proposalId = await newProposal(fx, 'Kitchen rules');
    const writer = await writeText(fx.ann, proposalId, 'Everyone cooks on Mondays and cleans on Fridays.');
    const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, {
      title: 'Mondays do not work',
      body: 'Half of us work **late** on Mondays.',
      alternativeWording: 'Everyone cooks once a week',
      anchor: anchorOf(writer, 'cooks on Mondays'),
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      title: 'Mondays do not work',
      state: 'standing',
      author: { id: fx.bob.userId, name: 'Bob' },
      alternativeWording: 'Everyone cooks once a week',
      revision: 1,
      mine: true,
      anchor: { quote: { exact: 'cooks on Mondays', prefix: 'Everyone ', suffix: ' and cleans on Fridays.' }, passage: 'present' },
    });
    expect(filed.body.bodyHtml).toContain('<strong>late</strong>');

    const listed = await fx.ann.get(`/api/proposals/${proposalId}/dissents`);
    expect(listed.status).toBe(200);
    expect(listed.body.dissents).toHaveLength(1);
    expect(listed.body.dissents[0]).toMatchObject({ id: filed.body.id, isNew: true, mine: false });
    // The text itself carries no trace of the dissent: nobody can edit it away.
    expect(JSON.stringify(writer.doc.getXmlFragment('default').toJSON())).not.toContain('Mondays do not work');
  });

  it('refuses an anchor to text the server does not have, and malformed anchors, changing nothing', async () => {
    const proposalId = await newProposal(fx, 'Unsaved text');
    await writeText(fx.ann, proposalId, 'Saved words.');
    const local = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    local.getXmlFragment('default').insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'Words only this client has.');
    const unsaved = {
      start: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 0))),
      end: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 5, -1))),
    };
    const before = await fingerprint(server.database.db);
    const refused = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'T', body: 'B', anchor: unsaved });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe('ANCHOR_NOT_IN_TEXT');
    const garbage = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'T', body: 'B', anchor: { start: 'AAAA', end: 'AAAA' } });
    expect(garbage.status).toBe(400);
    const notBase64 = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'T', body: 'B', anchor: { start: '<script>', end: 'x' } });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.error.code).toBe('VALIDATION_FAILED');
    expect(await fingerprint(server.database.db)).toBe(before);
  });

  it('validates titles and bodies, and sanitises rendered Markdown', async () => {
    const proposalId = await newProposal(fx, 'Validation');
    const before = await fingerprint(server.database.db);
    for (const body of [{ title: '', body: 'x' }, { title: 'x', body: '   ' }, { title: 'x'.repeat(201), body: 'x' }, { title: 'x', body: 'x', extra: 1 }]) {
      const response = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, body);
      expect(response.status).toBe(400);
    }
    const huge = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'x', body: 'y'.repeat(MAX_JSON_BODY_BYTES + 1) });
    expect(huge.status).toBe(413);
    expect(await fingerprint(server.database.db)).toBe(before);

    const hostile = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, {
      title: 'Links',
      body: 'Intro.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)> [ok](https://example.org)',
    });
    expect(hostile.status).toBe(201);
    expect(hostile.body.bodyHtml).not.toMatch(/<script|href="javascript|onerror|<img/i);
    expect(hostile.body.bodyHtml).toContain('href="https://example.org"');
    // The author's words are kept as written; only their rendering is cleaned.
    expect(hostile.body.body).toContain('<script>');
  });

  it('refuses words that cannot be stored exactly, and keeps a thread readable whatever Markdown a member writes', async () => {
    const proposalId = await newProposal(fx, 'Odd input');
    const before = await fingerprint(server.database.db);
    // A lone surrogate would be stored as U+FFFD and no longer match its ledger hash; NUL is refused by PostgreSQL.
    for (const title of ['half \ud800 pair', 'nul \u0000 byte']) {
      const response = await fx.bob.request('POST', `/api/proposals/${proposalId}/dissents`, `{"title":${JSON.stringify(title)},"body":"b"}`);
      expect(response.status).toBe(400);
      expect(response.body.error.reason).toBe('INVALID_INPUT');
    }
    expect(await fingerprint(server.database.db)).toBe(before);

    const id = (await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Deep', body: 'Start.' })).body.id as string;
    const bomb = await fx.ann.post(`/api/dissents/${id}/replies`, { body: '>'.repeat(5000) + ' <b>x</b>' });
    expect(bomb.status).toBe(201);
    expect(bomb.body.bodyHtml).toContain('&lt;b&gt;x&lt;/b&gt;');
    const listed = await fx.olga.get(`/api/proposals/${proposalId}/dissents`);
    expect(listed.status).toBe(200);
    expect(listed.body.dissents[0].replies).toHaveLength(1);
  });

  it('refuses dissents once the proposal is closed', async () => {
    const proposalId = await newProposal(fx, 'Closed one');
    await server.database.db.execute(`update proposal set status = 'adopted' where id = '${proposalId}'` as never);
    const refused = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Late', body: 'Too late.' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('PROPOSAL_CLOSED_TO_DISSENT');
  });
});

describe('a dissent over its life', () => {
  it('keeps every revision, stays after withdrawal, and records each step in the ledger', async () => {
    const proposalId = await newProposal(fx, 'Budget');
    const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Too costly', body: 'First version.' });
    const id = filed.body.id as string;
    const revised = await fx.bob.post(`/api/dissents/${id}/revisions`, { title: 'Too costly', body: 'Second version, with figures.' });
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ revision: 2, body: 'Second version, with figures.' });
    const same = await fx.bob.post(`/api/dissents/${id}/revisions`, { title: 'Too costly', body: 'Second version, with figures.' });
    expect(same.status).toBe(409);
    expect(same.body.error.reason).toBe('REVISION_UNCHANGED');

    const history = await fx.ann.get(`/api/dissents/${id}`);
    expect(history.body.revisions.map((r: { body: string }) => r.body)).toEqual(['First version.', 'Second version, with figures.']);

    const withdrawn = await fx.bob.post(`/api/dissents/${id}/withdrawal`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect((await fx.bob.post(`/api/dissents/${id}/withdrawal`)).body.error.reason).toBe('DISSENT_WITHDRAWN');
    expect((await fx.ann.post(`/api/dissents/${id}/signature`)).body.error.reason).toBe('DISSENT_WITHDRAWN');
    const listed = await fx.ann.get(`/api/proposals/${proposalId}/dissents`);
    expect(listed.body.dissents.map((d: { id: string; state: string }) => [d.id, d.state])).toEqual([[id, 'withdrawn']]);

    const chain = await ledgerOf(proposalId);
    expect(chain.map((e) => e.kind)).toEqual(['proposal.created', 'dissent.filed', 'dissent.revised', 'dissent.withdrawn']);
    expect(verifyChain(proposalId, chain)).toMatchObject({ ok: true, length: 4 });
    expect(listed.body.ledgerHead).toEqual({ seq: 4, hash: chain[3].hash });
    // Entries carry hashes of content, never the content itself.
    expect(JSON.stringify(chain)).not.toContain('Second version');
  });

  it('names rows inserted behind the ledger, even with the server\'s own database role', async () => {
    const proposalId = await newProposal(fx, 'Forgery');
    const id = (await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Mine', body: 'My words.' })).body.id as string;
    expect((await fx.ann.get(`/api/proposals/${proposalId}/ledger/verify`)).body).toMatchObject({ ok: true, length: 2 });
    // The app role may INSERT (that is how dissents are written), so a forged revision is possible in SQL;
    // it cannot go unnoticed: no entry records it.
    await server.database.db.execute(
      `insert into dissent_revision (dissent_id, revision, title, body) values ('${id}', 2, 'Mine', 'Words put in my mouth.')` as never,
    );
    const report = (await fx.bob.get(`/api/proposals/${proposalId}/ledger/verify`)).body;
    expect(report).toMatchObject({ ok: false, brokenAt: { seq: 3, problem: 'unrecorded-row', row: { table: 'dissent_revision', id: `${id}#2` } } });
  });

  it('counts co-signers as signatures are given and taken back', async () => {
    const proposalId = await newProposal(fx, 'Signatures');
    const id = (await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'No', body: 'Because.' })).body.id as string;
    expect((await fx.ann.post(`/api/dissents/${id}/signature`)).body).toMatchObject({ signers: [{ id: fx.ann.userId, name: 'Ann' }] });
    expect((await fx.ann.post(`/api/dissents/${id}/signature`)).body.error.reason).toBe('ALREADY_SIGNED');
    expect((await fx.ann.delete(`/api/dissents/${id}/signature`)).body.signers).toEqual([]);
    expect((await fx.ann.delete(`/api/dissents/${id}/signature`)).body.error.reason).toBe('NOT_SIGNED');
    const again = await fx.ann.post(`/api/dissents/${id}/signature`);
    expect(again.body).toMatchObject({ iSigned: true, signers: [{ name: 'Ann' }] });
    const kinds = (await ledgerOf(proposalId)).map((e) => e.kind);
    expect(kinds.slice(2)).toEqual(['dissent.signed', 'dissent.signature_withdrawn', 'dissent.signed']);
  });

  it('threads replies three levels deep; replies are revised and retracted by their author only, history kept', async () => {
    const proposalId = await newProposal(fx, 'Threads');
    const id = (await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Thread', body: 'Start.' })).body.id as string;
    const first = await fx.ann.post(`/api/dissents/${id}/replies`, { body: 'Level one.' });
    const second = await fx.bob.post(`/api/dissents/${id}/replies`, { body: 'Level two.', parentReplyId: first.body.id });
    const third = await fx.ann.post(`/api/dissents/${id}/replies`, { body: 'Level three.', parentReplyId: second.body.id });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(third.body.parentReplyId).toBe(second.body.id);

    const other = (await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Other', body: 'Other.' })).body.id as string;
    const crossThread = await fx.ann.post(`/api/dissents/${other}/replies`, { body: 'Wrong thread.', parentReplyId: first.body.id });
    expect(crossThread.status).toBe(404);

    expect((await fx.ann.post(`/api/replies/${first.body.id}/revisions`, { body: 'Level one, revised.' })).body).toMatchObject({
      revision: 2,
      body: 'Level one, revised.',
    });
    const retracted = await fx.ann.post(`/api/replies/${first.body.id}/retraction`);
    expect(retracted.body).toMatchObject({ retracted: true, body: null, bodyHtml: null });
    expect((await fx.ann.post(`/api/replies/${first.body.id}/revisions`, { body: 'After.' })).body.error.reason).toBe('REPLY_RETRACTED');
    const history = await fx.bob.get(`/api/replies/${first.body.id}`);
    expect(history.body.revisions.map((r: { body: string }) => r.body)).toEqual(['Level one.', 'Level one, revised.']);

    const thread = (await fx.olga.get(`/api/proposals/${proposalId}/dissents`)).body.dissents.find((d: { id: string }) => d.id === id);
    expect(thread.replies.map((r: { body: string | null; parentReplyId: string | null }) => [r.body, r.parentReplyId])).toEqual([
      [null, null],
      ['Level two.', first.body.id],
      ['Level three.', second.body.id],
    ]);
    const kinds = (await ledgerOf(proposalId)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['reply.posted', 'reply.revised', 'reply.retracted']));
    expect(verifyChain(proposalId, await ledgerOf(proposalId)).ok).toBe(true);
  });
});

describe('new to me, and live', () => {
  it('counts standing and new dissents per proposal, and marks them seen', async () => {
    const proposalId = await newProposal(fx, 'Counting');
    await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'One', body: 'One.' });
    const two = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Two', body: 'Two.' });
    await fx.bob.post(`/api/dissents/${two.body.id}/withdrawal`);
    const row = async (person: ApiClient) =>
      (await person.get(`/api/assemblies/${fx.assemblyId}/proposals`)).body.proposals.find((p: { id: string }) => p.id === proposalId);
    expect(await row(fx.ann)).toMatchObject({ standingDissents: 1, newDissents: 1 });
    expect(await row(fx.bob)).toMatchObject({ standingDissents: 1, newDissents: 0 });
    const { ledgerHead } = (await fx.ann.get(`/api/proposals/${proposalId}/dissents`)).body;
    expect((await fx.ann.post(`/api/proposals/${proposalId}/dissents/seen`, { seq: ledgerHead.seq })).status).toBe(204);
    expect(await row(fx.ann)).toMatchObject({ standingDissents: 1, newDissents: 0 });
    // Marking never moves backwards.
    await fx.ann.post(`/api/proposals/${proposalId}/dissents/seen`, { seq: 0 });
    expect(await row(fx.ann)).toMatchObject({ newDissents: 0 });
  });

  it("announces dissent events to the proposal's room and counts to the assembly's, members only", async () => {
    const proposalId = await newProposal(fx, 'Live dissent');
    const connect = async (person: ApiClient) => {
      const client = await connectRealtime(server.url, person);
      closers.push(() => client.close());
      return client;
    };
    const [ann, olga, outsider]: RealtimeClient[] = await Promise.all([connect(fx.ann), connect(fx.olga), connect(fx.outsider)]);
    expect(await ann.subscribe({ proposalId })).toEqual({ ok: true });
    expect(await ann.subscribe({ assemblyId: fx.assemblyId })).toEqual({ ok: true });
    expect(await olga.subscribe({ proposalId })).toEqual({ ok: true });
    expect((await outsider.subscribe({ proposalId })).ok).toBe(false);

    const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Live', body: 'Live.' });
    await fx.ann.post(`/api/dissents/${filed.body.id}/replies`, { body: 'Heard.' });
    await waitFor(() => olga.events.some((e) => e.type === 'reply.posted'), 5000, 'the observer hears the reply');
    expect(olga.events.map((e) => e.type)).toEqual(['dissent.filed', 'reply.posted']);
    expect(olga.events[0]).toMatchObject({ proposalId, dissentId: filed.body.id, actorId: fx.bob.userId, ledger: { seq: 2 } });
    await waitFor(() => ann.events.some((e) => e.type === 'proposal.dissents_changed'), 5000, 'the count reaches the assembly room');
    expect(ann.events.find((e) => e.type === 'proposal.dissents_changed')).toMatchObject({ proposalId, standing: 1 });
    expect(outsider.events).toEqual([]);
  });
});
