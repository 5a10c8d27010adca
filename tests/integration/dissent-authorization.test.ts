/**
 * Every dissent, reply and co-signature operation against every kind of
 * caller. Nobody but its author may change a dissent or a reply (not the
 * proposal's author, not a steward); observers read only; outsiders learn
 * nothing. Each refusal leaves the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, buildAssembly, signUpCast, type Actor, type AssemblyFixture, type Cast } from '../support/assembly-fixture';
import { fingerprint } from '../support/db-fingerprint';
import { connectRealtime } from '../support/realtime-client';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let cast: Cast;

beforeAll(async () => {
  server = await startTestServer();
  cast = await signUpCast(server.url);
});
afterAll(async () => {
  await server?.stop();
});

/** The assembly fixture plus a dissent by `member`, co-signed by `author`, with a reply by `member`. */
interface DissentFixture extends AssemblyFixture {
  dissentId: string;
  replyId: string;
}

async function buildDissentFixture(): Promise<DissentFixture> {
  const fx = await buildAssembly(cast);
  const filed = await cast.member.post(`/api/proposals/${fx.proposalId}/dissents`, {
    title: 'Rota ignores night shifts',
    body: 'Night workers cannot cook at **noon**.',
  });
  expect(filed.status).toBe(201);
  const dissentId = filed.body.id as string;
  expect((await cast.author.post(`/api/dissents/${dissentId}/signature`)).status).toBe(200);
  const reply = await cast.member.post(`/api/dissents/${dissentId}/replies`, { body: 'See the survey.' });
  expect(reply.status).toBe(201);
  return { ...fx, dissentId, replyId: reply.body.id as string };
}

interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path(fx: DissentFixture): string;
  body?: unknown;
  expected: Record<Actor, number>;
}

const readable = { anonymous: 401, outsider: 404, observer: 200, member: 200, author: 200, steward: 200 };
const participants = (ok: number) => ({ anonymous: 401, outsider: 404, observer: 403, member: ok, author: ok, steward: ok });
// `member` wrote the dissent and the reply: only they may change them.
const writerOnly = (ok: number) => ({ anonymous: 401, outsider: 404, observer: 403, member: ok, author: 403, steward: 403 });

const OPERATIONS: Operation[] = [
  { name: 'list dissents', method: 'GET', path: (fx) => `/api/proposals/${fx.proposalId}/dissents`, expected: readable },
  { name: 'read a dissent', method: 'GET', path: (fx) => `/api/dissents/${fx.dissentId}`, expected: readable },
  { name: 'read a reply', method: 'GET', path: (fx) => `/api/replies/${fx.replyId}`, expected: readable },
  {
    name: 'file a dissent',
    method: 'POST',
    path: (fx) => `/api/proposals/${fx.proposalId}/dissents`,
    body: { title: 'Another view', body: 'Because.' },
    expected: participants(201),
  },
  {
    name: "revise someone's dissent",
    method: 'POST',
    path: (fx) => `/api/dissents/${fx.dissentId}/revisions`,
    body: { title: 'Rota ignores night shifts', body: 'Rewritten by whoever asks.' },
    expected: writerOnly(201),
  },
  { name: "withdraw someone's dissent", method: 'POST', path: (fx) => `/api/dissents/${fx.dissentId}/withdrawal`, expected: writerOnly(200) },
  {
    name: 'co-sign',
    method: 'POST',
    path: (fx) => `/api/dissents/${fx.dissentId}/signature`,
    // The dissent's author already stands behind it; `author` has signed already.
    expected: { anonymous: 401, outsider: 404, observer: 403, member: 409, author: 409, steward: 200 },
  },
  {
    name: 'take a signature back',
    method: 'DELETE',
    path: (fx) => `/api/dissents/${fx.dissentId}/signature`,
    // Only one's own signature: the steward cannot remove the author's.
    expected: { anonymous: 401, outsider: 404, observer: 403, member: 409, author: 200, steward: 409 },
  },
  {
    name: 'reply',
    method: 'POST',
    path: (fx) => `/api/dissents/${fx.dissentId}/replies`,
    body: { body: 'I agree with this.' },
    expected: participants(201),
  },
  {
    name: "revise someone's reply",
    method: 'POST',
    path: (fx) => `/api/replies/${fx.replyId}/revisions`,
    body: { body: 'Changed by whoever asks.' },
    expected: writerOnly(201),
  },
  { name: "retract someone's reply", method: 'POST', path: (fx) => `/api/replies/${fx.replyId}/retraction`, expected: writerOnly(200) },
  {
    name: 'mark dissents seen',
    method: 'POST',
    path: (fx) => `/api/proposals/${fx.proposalId}/dissents/seen`,
    body: { seq: 1 },
    expected: { ...readable, observer: 204, member: 204, author: 204, steward: 204 },
  },
];

describe.each(OPERATIONS)('$method $name', (operation) => {
  it('answers each caller with its expected status; refusals change nothing', async () => {
    const fx = await buildDissentFixture();
    for (const actor of ACTORS) {
      const expected = operation.expected[actor];
      const before = expected >= 400 ? await fingerprint(server.database.db) : undefined;
      const response = await cast[actor].request(operation.method, operation.path(fx), operation.body);
      expect({ actor, status: response.status }).toEqual({ actor, status: expected });
      if (before !== undefined) {
        expect(response.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
        expect(await fingerprint(server.database.db), `${actor}: database changed by a refused request`).toBe(before);
      }
    }
  });
});

describe('no other path', () => {
  it('offers no route that edits or deletes a dissent or a reply in place', async () => {
    const fx = await buildDissentFixture();
    const before = await fingerprint(server.database.db);
    for (const actor of ['steward', 'author', 'member'] as const) {
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        const onDissent = await cast[actor].request(method, `/api/dissents/${fx.dissentId}`, { title: 'x', body: 'y' });
        const onReply = await cast[actor].request(method, `/api/replies/${fx.replyId}`, { body: 'y' });
        expect([onDissent.status, onReply.status]).toEqual([405, 405]);
      }
    }
    expect(await fingerprint(server.database.db)).toBe(before);
  });

  it('takes no writes over socket.io: made-up events change nothing and get no answer', async () => {
    const fx = await buildDissentFixture();
    const steward = await connectRealtime(server.url, cast.steward);
    try {
      expect(await steward.subscribe({ proposalId: fx.proposalId })).toEqual({ ok: true });
      const before = await fingerprint(server.database.db);
      for (const event of ['dissent.withdrawn', 'dissent.withdraw', 'dissent.revise', 'reply.retract', 'dissent.delete']) {
        await expect(
          steward.socket.timeout(300).emitWithAck(event, { dissentId: fx.dissentId, replyId: fx.replyId, body: 'hijacked' }),
        ).rejects.toThrow();
      }
      expect(await fingerprint(server.database.db)).toBe(before);
    } finally {
      steward.close();
    }
  });
});
