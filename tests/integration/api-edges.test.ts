/** Bad input at the HTTP edge: clear errors, nothing changed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../server/http/route';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { fingerprint } from '../support/db-fingerprint';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let ann: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ann = new ApiClient(server.url);
  await ann.signUp('Ann', uniqueEmail('ann'));
});
afterAll(async () => {
  await server?.stop();
});

async function expectRefused(send: () => Promise<{ status: number; body: any }>, status: number, code: string) {
  const before = await fingerprint(server.database.db);
  const response = await send();
  expect(response.status).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(typeof response.body.error.message).toBe('string');
  expect(await fingerprint(server.database.db)).toBe(before);
}

describe('the API edge', () => {
  it('refuses a mutation without an Origin header or from a foreign origin', async () => {
    await expectRefused(() => ann.withOrigin(null).post('/api/assemblies', { name: 'No origin' }), 403, 'FORBIDDEN');
    await expectRefused(() => ann.withOrigin('https://evil.example').post('/api/assemblies', { name: 'Evil' }), 403, 'FORBIDDEN');
    // The same request from the page's own origin goes through.
    expect((await ann.post('/api/assemblies', { name: 'Fine' })).status).toBe(201);
  });

  it('refuses a body that is not JSON, malformed JSON, unknown fields and oversized bodies', async () => {
    await expectRefused(
      () => ann.request('POST', '/api/assemblies', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await expectRefused(() => ann.request('POST', '/api/assemblies', '{"name":'), 400, 'BAD_REQUEST');
    await expectRefused(() => ann.post('/api/assemblies', { name: 'ok', isAdmin: true }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => ann.post('/api/assemblies', ['not', 'an', 'object']), 400, 'VALIDATION_FAILED');
    await expectRefused(
      () => ann.post('/api/assemblies', { name: 'big', description: 'x'.repeat(MAX_JSON_BODY_BYTES) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('refuses malformed ids and unknown resources', async () => {
    expect((await ann.get('/api/assemblies/..%2f..%2fetc')).status).toBe(400);
    expect((await ann.get('/api/assemblies/does-not-exist')).status).toBe(404);
  });

  it('reports validation problems with their field paths', async () => {
    const response = await ann.post('/api/assemblies', { name: 42 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.issues[0].path).toBe('name');
  });
});
