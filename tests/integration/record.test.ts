/**
 * The record of a closed decision through the API: pinned to its outcome
 * entry, with the judged text, the tally, minority reports and withdrawn
 * dissents; exported as Markdown and as a PDF whose extracted text holds each
 * dissent's words, non-Latin ones included; unchanged when the proposal is
 * reopened and moves on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import * as Y from 'yjs';
import { ApiClient } from '../support/api-client';
import { connectSyncClient, syncTicket, waitFor } from '../support/sync-clients';
import { addMember, buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let fx: SyncFixture;
let cleo: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  fx = await buildSyncFixture(server.url);
  cleo = await addMember(fx, server.url, 'Cleo');
});
afterAll(async () => {
  await server?.stop();
});

const GREEK = 'Διαφωνώ με την εναλλαγή των νυχτερινών βαρδιών.';

async function download(person: ApiClient, path: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const response = await fetch(new URL(path, server.url), { headers: { cookie: person.cookieHeader() } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('the record', () => {
  it('shows the outcome with minority reports, exports them as Markdown and PDF, and stays as it was after a reopening', async () => {
    const proposalId = await newProposal(fx, 'Night rota');
    const writer = await connectSyncClient(await syncTicket(fx.ann, proposalId));
    const reader = await connectSyncClient(await syncTicket(fx.bob, proposalId));
    writer.type('Everyone cooks on Mondays.');
    await waitFor(() => reader.text() === 'Everyone cooks on Mondays.', 10_000, 'committed');
    const text = (writer.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const b64 = (pos: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(pos)).toString('base64');
    const anchor = { start: b64(Y.createRelativePositionFromTypeIndex(text, 9)), end: b64(Y.createRelativePositionFromTypeIndex(text, 25, -1)) };
    writer.destroy();
    reader.destroy();

    await fx.ann.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' });
    const standing = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Nights', body: GREEK, anchor });
    expect(standing.body.anchor.quote.exact).toBe('cooks on Mondays');
    await cleo.post(`/api/dissents/${standing.body.id}/signature`);
    const gone = await cleo.post(`/api/proposals/${proposalId}/dissents`, { title: 'Second thoughts', body: 'Never mind.' });
    await cleo.post(`/api/dissents/${gone.body.id}/withdrawal`);
    const rule = { kind: 'majority', quorum: { numerator: 1, denominator: 2 }, counting: 'weighted' };
    await fx.ann.post(`/api/proposals/${proposalId}/decision`, { rule });
    await fx.ann.post(`/api/proposals/${proposalId}/stances`, { choice: 'agree', affectedness: 3 });
    await cleo.post(`/api/proposals/${proposalId}/stances`, { choice: 'abstain', affectedness: 1 });
    await fx.bob.post(`/api/proposals/${proposalId}/stances`, { choice: 'disagree', affectedness: 1, reason: GREEK });
    expect((await fx.ann.post(`/api/proposals/${proposalId}/decision/close`)).body).toEqual({ status: 'adopted' });

    const record = await fx.olga.get(`/api/proposals/${proposalId}/record`);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      outcome: 'adopted',
      proposal: { title: 'Night rota', round: 1 },
      tally: { equal: { agree: 1, disagree: 1 }, weighted: { agree: 3, disagree: 1 }, decidedBy: 'weighted', eligible: 3 },
      minorityReports: [
        {
          title: 'Nights',
          body: GREEK,
          author: { name: 'Bob' },
          coSigners: [{ name: 'Cleo' }],
          passage: { quote: { exact: 'cooks on Mondays' }, state: 'present' },
        },
      ],
      withdrawnDissents: [{ title: 'Second thoughts', author: { name: 'Cleo' } }],
    });
    expect(record.body.text.doc.content[0].content[0].text).toBe('Everyone cooks on Mondays.');
    const ledger = (await fx.ann.get(`/api/proposals/${proposalId}/ledger`)).body.entries;
    const outcome = ledger.find((e: { kind: string }) => e.kind === 'decision.closed');
    expect(record.body.ledger).toEqual({ head: { seq: outcome.seq, hash: outcome.hash }, outcomeSeq: outcome.seq });

    const markdown = await download(fx.olga, `/api/proposals/${proposalId}/record/markdown`);
    expect(markdown.status).toBe(200);
    expect(markdown.type).toContain('text/markdown');
    const md = new TextDecoder().decode(markdown.bytes);
    expect(md).toContain(GREEK);
    expect(md).toContain(outcome.hash);

    const pdf = await download(fx.olga, `/api/proposals/${proposalId}/record/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const extracted = (await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true })).text;
    expect(extracted.replace(/\s+/g, ' ')).toContain(GREEK);
    expect(extracted.replace(/\s+/g, '')).toContain(outcome.hash);

    // Reopened, with a new dissent and a withdrawal: the first round's record does not move.
    const motion = await fx.bob.post(`/api/proposals/${proposalId}/reopening-motions`, { reason: 'New shifts.' });
    expect((await cleo.post(`/api/reopening-motions/${motion.body.id}/signatures`)).body.reopened).toBe(true);
    await fx.bob.post(`/api/dissents/${standing.body.id}/withdrawal`);
    await cleo.post(`/api/proposals/${proposalId}/dissents`, { title: 'Round two', body: 'Later words.' });
    const again = await fx.olga.get(`/api/proposals/${proposalId}/record`);
    expect(again.body).toEqual(record.body);
  });

  it('is not found before any decision closed, nor for outsiders or without a session', async () => {
    const proposalId = await newProposal(fx, 'Undecided');
    expect((await fx.ann.get(`/api/proposals/${proposalId}/record`)).body.error.reason).toBe('RECORD_NOT_FOUND');
    expect((await download(fx.outsider, `/api/proposals/${proposalId}/record/pdf`)).status).toBe(404);
    expect((await download(new ApiClient(server.url), `/api/proposals/${proposalId}/record/markdown`)).status).toBe(401);
    expect((await fx.ann.get(`/api/proposals/${proposalId}/record?decisionId=../x`)).status).toBe(400);
  });
});
