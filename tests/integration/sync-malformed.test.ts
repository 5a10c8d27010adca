/**
 * Malformed and oversized frames close only the connection that sent them,
 * change nothing in the document, and leave the other clients syncing.
 */
import * as encoding from 'lib0/encoding';
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSyncClient, rawSyncSocket, syncTicket, waitFor, xmlText, type SyncClient } from '../support/sync-clients';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

const MAX_MESSAGE = 4096;
const MAX_DOCUMENT = 16 * 1024;

let server: TestServer;
let fx: SyncFixture;

beforeAll(async () => {
  server = await startTestServer({ SYNC_MAX_MESSAGE_BYTES: String(MAX_MESSAGE), SYNC_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT) });
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  await server?.stop();
});

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const updateMessage = (payload: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, payload);
  });

/** A valid update that appends `text` to what `base` holds. */
function appendUpdate(base: Y.Doc, text: string): Uint8Array {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(scratch);
  const paragraph = scratch.getXmlFragment('default').get(0) as Y.XmlElement;
  const target = paragraph.length > 0 ? (paragraph.get(0) as Y.XmlText) : (paragraph.insert(0, [new Y.XmlText()]), paragraph.get(0) as Y.XmlText);
  target.insert(target.length, text);
  return Y.encodeStateAsUpdate(scratch, before);
}

async function rowCount(proposalId: string): Promise<number> {
  const result = await server.database.db.execute(sql`select count(*)::int as n from doc_update where proposal_id = ${proposalId}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

async function goodPair(proposalId: string): Promise<[SyncClient, SyncClient]> {
  const a = await connectSyncClient(await syncTicket(fx.ann, proposalId));
  const b = await connectSyncClient(await syncTicket(fx.bob, proposalId));
  a.type('Stable text.');
  await waitFor(() => b.text() === 'Stable text.', 5000, 'good clients in sync');
  return [a, b];
}

describe('malformed frames', () => {
  const cases: { name: string; frame: (doc: Y.Doc) => Uint8Array | string; code: number }[] = [
    { name: 'random bytes', frame: () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), code: 4400 },
    { name: 'an unknown message type', frame: () => new Uint8Array([42, 1, 2, 3]), code: 4400 },
    { name: 'a truncated update', frame: (doc) => updateMessage(appendUpdate(doc, 'evil').slice(0, -2)), code: 4400 },
    {
      name: 'a valid update followed by garbage',
      frame: (doc) => updateMessage(new Uint8Array([...appendUpdate(doc, 'evil'), 7, 7, 7])),
      code: 4400,
    },
    { name: 'a message with trailing bytes', frame: (doc) => new Uint8Array([...updateMessage(appendUpdate(doc, 'evil')), 0]), code: 4400 },
    {
      name: 'garbage awareness',
      frame: () =>
        message((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]));
        }),
      code: 4400,
    },
    { name: 'a text frame', frame: () => 'hello', code: 4400 },
    { name: 'an oversized frame', frame: (doc) => updateMessage(appendUpdate(doc, 'x'.repeat(MAX_MESSAGE + 100))), code: 4413 },
  ];

  it.each(cases)('$name closes only its sender ($code) and changes nothing', async ({ frame, code }) => {
    const proposalId = await newProposal(fx, 'Target');
    const [a, b] = await goodPair(proposalId);
    const rowsBefore = await rowCount(proposalId);
    const { token } = await syncTicket(fx.bob, proposalId);
    const raw = rawSyncSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${proposalId}?token=${token}`);
    await raw.opened;
    raw.socket.send(frame(a.doc));
    expect((await raw.closed).code).toBe(code);

    expect(await rowCount(proposalId)).toBe(rowsBefore);
    b.type(' More.');
    await waitFor(() => a.text() === 'Stable text. More.', 5000, 'the others keep syncing');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    const fresh = await connectSyncClient(await syncTicket(fx.ann, proposalId));
    expect(xmlText(fresh.doc)).toBe('Stable text. More.');
    for (const c of [a, b, fresh]) c.destroy();
  });

  it('closes a writer whose update would make the document too large (4413), keeping what was stored', async () => {
    const proposalId = await newProposal(fx, 'Growing');
    const [a, b] = await goodPair(proposalId);
    const { token } = await syncTicket(fx.bob, proposalId);
    const raw = rawSyncSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${proposalId}?token=${token}`);
    await raw.opened;
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(a.doc));
    const chunk = 'y'.repeat(MAX_MESSAGE - 200);
    let closed: { code: number } | undefined;
    raw.closed.then((c) => (closed = c));
    for (let i = 0; i < 10 && !closed; i++) {
      const update = appendUpdate(base, chunk);
      Y.applyUpdate(base, update);
      raw.socket.send(updateMessage(update));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(closed?.code).toBe(4413);
    const reader = await connectSyncClient(await syncTicket(fx.ann, proposalId));
    expect(xmlText(reader.doc).length).toBeLessThanOrEqual(MAX_DOCUMENT);
    b.type('!');
    await waitFor(() => a.text().endsWith('!'), 5000, 'others keep syncing');
    for (const c of [a, b, reader]) c.destroy();
  });
});
