import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { MAX_JSON_BODY_BYTES } from '../../server/http/route';
import { logger } from '../../server/logging/logger';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('sign-up', () => {
  it('creates an account and signs it in', async () => {
    const ann = new ApiClient(server.url);
    const email = uniqueEmail('ann');
    const signUp = await ann.signUp('Ann', email);
    expect(signUp.status).toBe(200);
    const me = await ann.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ name: 'Ann', email });
  });

  it('refuses a taken email with 409 and a clear message', async () => {
    const email = uniqueEmail('taken');
    expect((await new ApiClient(server.url).signUp('First', email)).status).toBe(200);
    const second = await new ApiClient(server.url).signUp('Second', email);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'USER_ALREADY_EXISTS', reason: 'USER_ALREADY_EXISTS' });
    expect(second.body.error.message).toMatch(/already exists/);
  });

  it('refuses a weak password', async () => {
    const response = await new ApiClient(server.url).signUp('Weak', uniqueEmail('weak'), 'short');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
  });

  it('refuses a malformed email', async () => {
    const response = await new ApiClient(server.url).signUp('Bad', 'not-an-email');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBeTruthy();
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password and out again', async () => {
    const email = uniqueEmail('bob');
    await new ApiClient(server.url).signUp('Bob', email, 'bobs long password');
    const bob = new ApiClient(server.url);
    expect((await bob.signIn(email, 'bobs long password')).status).toBe(200);
    expect((await bob.get('/api/me')).status).toBe(200);
    expect((await bob.post('/api/auth/sign-out')).status).toBe(200);
    const after = await bob.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with 401', async () => {
    const email = uniqueEmail('carol');
    await new ApiClient(server.url).signUp('Carol', email, 'carols long password');
    const response = await new ApiClient(server.url).signIn(email, 'not carols password');
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'The email or password is wrong.' });
  });

  it('refuses a request with no session', async () => {
    const response = await new ApiClient(server.url).get('/api/assemblies');
    expect(response.status).toBe(401);
  });
});

describe('passwords', () => {
  it('changes the password: the old one stops working, the new one works', async () => {
    const email = uniqueEmail('dan');
    const dan = new ApiClient(server.url);
    await dan.signUp('Dan', email, 'first long password');
    const wrong = await dan.post('/api/auth/change-password', {
      currentPassword: 'not the password',
      newPassword: 'second long password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('INVALID_PASSWORD');
    const weak = await dan.post('/api/auth/change-password', { currentPassword: 'first long password', newPassword: 'tiny' });
    expect(weak.status).toBe(400);
    const changed = await dan.post('/api/auth/change-password', {
      currentPassword: 'first long password',
      newPassword: 'second long password',
    });
    expect(changed.status).toBe(200);
    expect((await new ApiClient(server.url).signIn(email, 'first long password')).status).toBe(401);
    expect((await new ApiClient(server.url).signIn(email, 'second long password')).status).toBe(200);
  });

  it('resets a forgotten password through the link written to the server log', async () => {
    const email = uniqueEmail('eve');
    const eve = new ApiClient(server.url);
    await eve.signUp('Eve', email, 'forgotten long password');
    // Without SMTP the mailer writes the link to the log, as a warning, whole.
    const log = vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);
    const asked = await new ApiClient(server.url).post('/api/auth/request-password-reset', {
      email,
      redirectTo: '/reset-password',
    });
    expect(asked.status).toBe(200);
    const line = log.mock.calls.map((call) => String(call[1])).find((l) => l.includes(email));
    log.mockRestore();
    expect(line).toBeDefined();
    const link = /(https?:\/\/\S+)/.exec(line!)![1];

    // The link leads to the reset page with a token.
    const visitor = new ApiClient(server.url, null);
    const followed = await visitor.get(new URL(link).pathname + new URL(link).search);
    expect(followed.status).toBe(302);
    const target = new URL(followed.headers.get('location')!, server.url);
    expect(target.pathname).toBe('/reset-password');
    const token = target.searchParams.get('token')!;
    expect(token).toBeTruthy();

    const reset = await new ApiClient(server.url).post('/api/auth/reset-password', { token, newPassword: 'remembered long password' });
    expect(reset.status).toBe(200);
    // Sessions made with the old password end; the old password stops working; the new one works.
    expect((await eve.get('/api/me')).status).toBe(401);
    expect((await new ApiClient(server.url).signIn(email, 'forgotten long password')).status).toBe(401);
    expect((await new ApiClient(server.url).signIn(email, 'remembered long password')).status).toBe(200);
    // The link works once.
    const again = await new ApiClient(server.url).post('/api/auth/reset-password', { token, newPassword: 'a third long password' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('INVALID_TOKEN');
  });

  it('answers a reset request for an unknown email the same way, revealing nothing', async () => {
    const response = await new ApiClient(server.url).post('/api/auth/request-password-reset', {
      email: uniqueEmail('nobody'),
      redirectTo: '/reset-password',
    });
    expect(response.status).toBe(200);
  });
});

describe('the auth endpoints', () => {
  it('refuse a cookie-bearing request from a foreign origin', async () => {
    const fay = new ApiClient(server.url);
    const email = uniqueEmail('fay');
    await fay.signUp('Fay', email, 'fays long password');
    const forged = await fay.withOrigin('https://evil.example').post('/api/auth/change-password', {
      currentPassword: 'fays long password',
      newPassword: 'evil long password',
    });
    expect(forged.status).toBe(403);
    // The password did not change.
    expect((await new ApiClient(server.url).signIn(email, 'fays long password')).status).toBe(200);
  });

  it('refuse a name that is empty or too long, and offer no profile or account deletion', async () => {
    expect((await new ApiClient(server.url).signUp('   ', uniqueEmail('blank'))).status).toBe(400);
    expect((await new ApiClient(server.url).signUp('x'.repeat(101), uniqueEmail('long'))).status).toBe(400);
    const gil = new ApiClient(server.url);
    await gil.signUp('  Gil  ', uniqueEmail('gil'));
    expect((await gil.get('/api/me')).body.user.name).toBe('Gil');
    expect((await gil.post('/api/auth/update-user', { name: 'Mallory' })).status).toBe(404);
    expect((await gil.post('/api/auth/delete-user', {})).status).toBe(404);
    expect((await gil.get('/api/me')).body.user.name).toBe('Gil');
  });

  it('apply the API body rules: JSON only, size-capped', async () => {
    const client = new ApiClient(server.url);
    const form = await client.request('POST', '/api/auth/sign-in/email', 'email=a&password=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const huge = await client.signUp('Huge', uniqueEmail('huge'), 'x'.repeat(MAX_JSON_BODY_BYTES + 1));
    expect(huge.status).toBe(413);
  });

  it('say UNAUTHENTICATED without a session, like the rest of the API', async () => {
    const response = await new ApiClient(server.url).post('/api/auth/change-password', {
      currentPassword: 'whatever long',
      newPassword: 'whatever longer',
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});
