/** Sign-in attempts are limited per client address, and a forged X-Forwarded-For does not escape the limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SIGN_IN_RATE_LIMIT_MAX: '3', SIGN_IN_RATE_LIMIT_WINDOW_SECONDS: '60' });
});
afterAll(async () => {
  await server?.stop();
});

describe('sign-in rate limit', () => {
  it('answers 429 after the allowed attempts, even with the right password or a forged address', async () => {
    const email = uniqueEmail('target');
    await new ApiClient(server.url).signUp('Target', email, 'the right long password');
    const attacker = new ApiClient(server.url);
    for (let i = 0; i < 3; i++) expect((await attacker.signIn(email, `guess number ${i}`)).status).toBe(401);
    const limited = await attacker.signIn(email, 'the right long password');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.body.error.message).toMatch(/Too many attempts/);
    const forged = await attacker.request(
      'POST',
      '/api/auth/sign-in/email',
      { email, password: 'the right long password' },
      { 'x-forwarded-for': '203.0.113.9', 'x-plenary-client-ip': '203.0.113.10' },
    );
    expect(forged.status).toBe(429);
  });
});
