import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnServer, type ServerProcess } from '../support/server-process';

// The server runs in a child process so that its log (stdout, JSON lines) can be read as an operator would.
let server: ServerProcess;
let dataDir: string;

const SECRET_TOKEN = 'TokenThatMustNotBeLogged42';
const SECRET_COOKIE = 'CookieThatMustNotBeLogged42';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'plenary-request-log-'));
  server = await spawnServer({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DATABASE_MIGRATION_URL: '',
    REDIS_URL: '',
    DEMO: 'off',
    LOG_LEVEL: 'info',
    NODE_NAME: 'request-log-node',
  });
});

afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

type LogLine = Record<string, unknown> & { reqId?: string; req?: { method: string; url: string; remoteAddress: string }; res?: { statusCode: number } };

/** Every JSON line the server wrote so far (the plain start-up lines are skipped). */
function logLines(): LogLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** Waits for the access line of `reqId` (written when the response ends, so just after the client has it). */
async function accessLine(reqId: string): Promise<LogLine> {
  return vi.waitFor(
    () => {
      const line = logLines().find((l) => l.reqId === reqId && l.req);
      if (!line) throw new Error(`no access line for ${reqId} yet`);
      return line;
    },
    { timeout: 5000, interval: 50 },
  );
}

describe('the log', () => {
  it('is JSON lines, with the plain start-up line kept for people and scripts', () => {
    expect(server.output()).toMatch(/^Plenary is serving http:\/\/localhost:\d+ \(embedded database in .+\)$/m);
    expect(logLines().find((line) => line.msg === 'server started')).toMatchObject({
      level: 'info',
      node: 'request-log-node',
      pid: server.child.pid,
      url: server.url,
    });
  });
});

describe('request ids', () => {
  it('gives every response an x-request-id and logs the request under it', async () => {
    const response = await fetch(`${server.url}/api/me`);
    expect(response.status).toBe(401);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await accessLine(id!)).toMatchObject({
      level: 'info',
      node: 'request-log-node',
      req: { method: 'GET', url: '/api/me', remoteAddress: '127.0.0.1' },
      res: { statusCode: 401 },
      durationMs: expect.any(Number),
      msg: 'request completed',
    });
  });

  it('echoes a valid incoming id and logs under it', async () => {
    const response = await fetch(`${server.url}/api/assemblies`, { method: 'HEAD', headers: { 'x-request-id': 'proxy-req.0001_abc' } });
    expect(response.headers.get('x-request-id')).toBe('proxy-req.0001_abc');
    expect(await accessLine('proxy-req.0001_abc')).toMatchObject({ req: { method: 'HEAD', url: '/api/assemblies' }, res: { statusCode: 401 } });
  });

  it('replaces an invalid incoming id', async () => {
    const response = await fetch(`${server.url}/api/me`, { headers: { 'x-request-id': 'not valid"id\\u2028' } });
    const id = response.headers.get('x-request-id');
    expect(id).not.toContain('valid');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await accessLine(id!);
    expect(server.output()).not.toContain('not valid');
  });

  it('gives probes an id too, without an access line at info', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // A later request's line is written after the probe's would have been.
    const later = (await fetch(`${server.url}/api/me`)).headers.get('x-request-id')!;
    await accessLine(later);
    expect(logLines().some((line) => line.reqId === id)).toBe(false);
  });
});

describe('secrets', () => {
  it('writes neither cookies nor tokens of URLs to any line', async () => {
    const headers = { cookie: `plenary.session_token=${SECRET_COOKIE}`, authorization: `Bearer ${SECRET_TOKEN}` };
    const paths = [
      [`/reset-password?token=${SECRET_TOKEN}`, '/reset-password?token=[redacted]'],
      [`/join/${SECRET_TOKEN}`, '/join/[redacted]'],
      [`/api/invitations/${SECRET_TOKEN}`, '/api/invitations/[redacted]'],
      [`/sign-in?next=%2Fjoin%2F${SECRET_TOKEN}`, '/sign-in?next=[redacted]'],
    ] as const;
    for (const [path, logged] of paths) {
      const response = await fetch(server.url + path, { headers, redirect: 'manual' });
      const line = await accessLine(response.headers.get('x-request-id')!);
      expect(line.req!.url).toBe(logged);
    }
    const accepted = await fetch(`${server.url}/api/invitations/${SECRET_TOKEN}/accept`, {
      method: 'POST',
      headers: { ...headers, origin: server.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await accessLine(accepted.headers.get('x-request-id')!)).req).toMatchObject({
      method: 'POST',
      url: '/api/invitations/[redacted]/accept',
    });
    expect(server.output()).not.toContain(SECRET_TOKEN);
    expect(server.output()).not.toContain(SECRET_COOKIE);
  });
});
