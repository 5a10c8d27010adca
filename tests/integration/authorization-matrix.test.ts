/**
 * Every endpoint against every kind of caller: anonymous, non-member,
 * observer, member, author, steward. Each refusal must carry its status and
 * leave the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, buildAssembly, signUpCast, type Actor, type AssemblyFixture, type Cast } from '../support/assembly-fixture';
import { fingerprint } from '../support/db-fingerprint';
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

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path(fx: AssemblyFixture, cast: Cast): string;
  body?: unknown;
  expected: Record<Actor, number>;
}

const readable = { anonymous: 401, outsider: 404, observer: 200, member: 200, author: 200, steward: 200 };
const stewardOnly = (ok: number) => ({ anonymous: 401, outsider: 404, observer: 403, member: 403, author: 403, steward: ok });
const writers = (ok: number) => ({ anonymous: 401, outsider: 404, observer: 403, member: ok, author: ok, steward: ok });

const ENDPOINTS: Endpoint[] = [
  { name: 'list my assemblies', method: 'GET', path: () => '/api/assemblies', expected: { ...readable, outsider: 200 } },
  {
    name: 'create an assembly',
    method: 'POST',
    path: () => '/api/assemblies',
    body: { name: 'Another' },
    expected: { anonymous: 401, outsider: 201, observer: 201, member: 201, author: 201, steward: 201 },
  },
  { name: 'read an assembly', method: 'GET', path: (fx) => `/api/assemblies/${fx.assemblyId}`, expected: readable },
  { name: 'list members', method: 'GET', path: (fx) => `/api/assemblies/${fx.assemblyId}/members`, expected: readable },
  { name: 'read the log', method: 'GET', path: (fx) => `/api/assemblies/${fx.assemblyId}/log`, expected: readable },
  { name: 'list proposals', method: 'GET', path: (fx) => `/api/assemblies/${fx.assemblyId}/proposals`, expected: readable },
  { name: 'read a proposal', method: 'GET', path: (fx) => `/api/proposals/${fx.proposalId}`, expected: readable },
  {
    name: 'create a proposal',
    method: 'POST',
    path: (fx) => `/api/assemblies/${fx.assemblyId}/proposals`,
    body: { title: 'A new idea' },
    expected: writers(201),
  },
  { name: 'list invitations', method: 'GET', path: (fx) => `/api/assemblies/${fx.assemblyId}/invitations`, expected: writers(200) },
  {
    name: 'invite a member',
    method: 'POST',
    path: (fx) => `/api/assemblies/${fx.assemblyId}/invitations`,
    body: { role: 'member' },
    expected: writers(201),
  },
  {
    name: 'invite a steward',
    method: 'POST',
    path: (fx) => `/api/assemblies/${fx.assemblyId}/invitations`,
    body: { role: 'steward' },
    expected: stewardOnly(201),
  },
  {
    name: "revoke the steward's invitation",
    method: 'DELETE',
    path: (fx) => `/api/assemblies/${fx.assemblyId}/invitations/${fx.invitationId}`,
    expected: stewardOnly(204),
  },
  {
    name: 'change a role',
    method: 'PATCH',
    path: (fx, c) => `/api/assemblies/${fx.assemblyId}/members/${c.subject.userId}`,
    body: { role: 'observer' },
    expected: stewardOnly(200),
  },
  {
    name: 'remove a member',
    method: 'DELETE',
    path: (fx, c) => `/api/assemblies/${fx.assemblyId}/members/${c.subject.userId}`,
    expected: stewardOnly(204),
  },
  {
    name: 'leave (the last steward may not)',
    method: 'POST',
    path: (fx) => `/api/assemblies/${fx.assemblyId}/leave`,
    expected: { anonymous: 401, outsider: 404, observer: 204, member: 204, author: 204, steward: 409 },
  },
  {
    name: 'preview an invitation',
    method: 'GET',
    path: (fx) => `/api/invitations/${fx.invitationToken}`,
    expected: { anonymous: 200, outsider: 200, observer: 200, member: 200, author: 200, steward: 200 },
  },
  {
    name: 'accept an invitation',
    method: 'POST',
    path: (fx) => `/api/invitations/${fx.invitationToken}/accept`,
    expected: { anonymous: 401, outsider: 200, observer: 409, member: 409, author: 409, steward: 409 },
  },
];

describe.each(ENDPOINTS)('$method $name', (endpoint) => {
  it('answers each caller with its expected status; refusals change nothing', async () => {
    const fx = await buildAssembly(cast);
    for (const actor of ACTORS) {
      const expected = endpoint.expected[actor];
      const before = expected >= 400 ? await fingerprint(server.database.db) : undefined;
      const response = await cast[actor].request(endpoint.method, endpoint.path(fx, cast), endpoint.body);
      expect({ actor, status: response.status }).toEqual({ actor, status: expected });
      if (before !== undefined) {
        expect(response.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
        expect(await fingerprint(server.database.db), `${actor}: database changed by a refused request`).toBe(before);
      }
    }
  });
});
