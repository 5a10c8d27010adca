import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../server/auth/mailer';
import { logFromAuth } from '../../server/logging/auth-log';
import { configureLogger, createLogger, logger, redactText, redactUrl, REDACTED, type Logger } from '../../server/logging/logger';
import { createRequestLog, requestIdFor } from '../../server/logging/request-log';

/** A logger like the process's, writing into an array of parsed lines. */
function memoryLogger(level: 'info' | 'debug' = 'info'): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ logLevel: level, nodeName: 'test-node' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('the logger', () => {
  it('writes JSON lines with the level name, time, pid and node', () => {
    const { log, lines } = memoryLogger();
    log.info({ proposalId: 'p1' }, 'hello');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', pid: process.pid, node: 'test-node', proposalId: 'p1', msg: 'hello' });
    expect(new Date(String(lines[0].time)).toISOString()).toBe(lines[0].time);
  });

  it('redacts cookie, set-cookie and authorization headers, at the top or one level down', () => {
    const { log, lines } = memoryLogger();
    const headers = { cookie: 'plenary.session=abc', 'set-cookie': ['plenary.session=def'], authorization: 'Bearer ghi', accept: 'text/html' };
    log.info({ headers, upstream: { headers }, cookie: 'top' }, 'headers');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['abc', 'def', 'ghi', 'top']) expect(text).not.toContain(secret);
    expect(lines[0].headers).toEqual({ cookie: REDACTED, 'set-cookie': REDACTED, authorization: REDACTED, accept: 'text/html' });
    expect((lines[0].upstream as { headers: unknown }).headers).toMatchObject({ cookie: REDACTED, authorization: REDACTED });
  });

  it('writes a request given as `req` by method, redacted URL and id, without its headers', () => {
    const { log, lines } = memoryLogger();
    const req = { method: 'POST', url: '/api/invitations/Zk3qK9xYw2/accept', headers: { cookie: 'plenary.session=abc', 'x-request-id': 'req-id-0001' } };
    log.error({ req }, 'failed');
    expect(lines[0].req).toEqual({ method: 'POST', url: `/api/invitations/${REDACTED}/accept`, id: 'req-id-0001' });
  });

  it('redacts tokens, passwords, secrets and connection strings by key', () => {
    const { log, lines } = memoryLogger();
    log.info(
      {
        token: 't1',
        password: 'p1',
        secret: 's1',
        authSecret: 'a1',
        databaseUrl: 'postgres://app:pw@db/plenary',
        config: { databaseUrl: 'postgres://app:pw@db/plenary', redisUrl: 'redis://:pw@redis', port: 3000 },
        body: { user: { password: 'p2' } },
      },
      'secrets',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['t1', 'p1', 's1', 'a1', 'pw', 'p2']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ token: REDACTED, config: { databaseUrl: REDACTED, redisUrl: REDACTED, port: 3000 } });
  });

  it('keeps what is not secret, such as the mailer\'s reset link (the operator needs it whole)', () => {
    const { log, lines } = memoryLogger();
    const link = 'http://localhost:3000/api/auth/reset-password/ResetToken123?callbackURL=/reset-password';
    log.warn({ component: 'mail', to: 'eve@example.org', resetLink: link }, `password-reset link for eve@example.org: ${link}`);
    expect(lines[0]).toMatchObject({ resetLink: link, msg: `password-reset link for eve@example.org: ${link}` });
  });

  it('serializes errors with type, message and stack, secrets taken out of their text', () => {
    const { log, lines } = memoryLogger();
    const cause = new Error('socket hang up');
    const error = Object.assign(new Error('could not reach postgres://app:hunter2@db:5432/plenary', { cause }), { code: 'ECONNREFUSED' });
    log.error({ err: error, proposalId: 'p1' }, 'commit failed');
    const err = lines[0].err as Record<string, string>;
    expect(err.type).toBe('Error');
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.message).toBe(`could not reach postgres://app:${REDACTED}@db:5432/plenary: socket hang up`);
    expect(err.stack).toMatch(/^Error: could not reach postgres:\/\/app:\[redacted\]@db/);
    expect(err.stack).toContain('logging.test.ts');
    expect(err.stack).toContain('caused by: Error: socket hang up');
    expect(JSON.stringify(lines[0])).not.toContain('hunter2');
  });

  it('leaves a failed query\'s parameters out (a session token, a member\'s words)', () => {
    const { log, lines } = memoryLogger();
    const error = Object.assign(new Error('Failed query: select * from session where token = $1\nparams: SessionToken99'), {
      query: 'select * from session where token = $1',
      params: ['SessionToken99'],
    });
    log.error({ err: error }, 'API request failed');
    expect(JSON.stringify(lines[0])).not.toContain('SessionToken99');
    expect(lines[0].err).toMatchObject({ message: `Failed query: select * from session where token = $1\nparams: ${REDACTED}`, params: REDACTED });
  });

  it('cuts a failed query short (the embedded append carries the edits inline) and any very long text', () => {
    const { log, lines } = memoryLogger();
    const edits = 'ab'.repeat(100_000);
    const error = Object.assign(new Error(`Failed query: execute plenary_append_log ('{p}', '{\\x${edits}}')`), {
      query: `execute plenary_append_log ('{p}', '{\\x${edits}}')`,
    });
    log.error({ err: error }, 'commit failed');
    const err = lines[0].err as { query: string; message: string };
    expect(err.query.startsWith('execute plenary_append_log')).toBe(true);
    expect(err.query.length).toBeLessThan(260);
    expect(err.query).toMatch(/… \[\d+ more characters\]$/);
    expect(err.message.length).toBeLessThan(4100);
    expect(JSON.stringify(lines[0]).length).toBeLessThan(20_000);
  });

  it('redacts the texts of an error\'s own fields, without changing the error', () => {
    const { log, lines } = memoryLogger();
    const body = { code: 'FAILED_TO_GET_SESSION', message: 'Failed query: select 1\nparams: SessionToken98' };
    const error = Object.assign(new Error('Failed to get session'), { body, nested: [{ url: 'redis://:pw98@cache:6379' }] });
    log.error({ err: error }, 'auth failed');
    expect(JSON.stringify(lines[0])).not.toContain('SessionToken98');
    expect(JSON.stringify(lines[0])).not.toContain('pw98');
    expect(lines[0].err).toMatchObject({ body: { code: 'FAILED_TO_GET_SESSION', message: `Failed query: select 1\nparams: ${REDACTED}` } });
    expect(error.body.message).toContain('SessionToken98');
  });

  it('serializes an error given as the first argument, and one under `error`', () => {
    const { log, lines } = memoryLogger();
    log.error(new TypeError('bad'), 'first');
    log.error({ error: new RangeError('worse') }, 'second');
    expect(lines[0].err).toMatchObject({ type: 'TypeError', message: 'bad', stack: expect.stringContaining('TypeError: bad') });
    expect(lines[1].error).toMatchObject({ type: 'RangeError', message: 'worse' });
  });

  it('rewrites any `url` it is given', () => {
    const { log, lines } = memoryLogger();
    log.info({ url: '/yjs/8c1f?token=abc.def' }, 'sync');
    expect(lines[0].url).toBe(`/yjs/8c1f?token=${REDACTED}`);
  });

  it('lives on globalThis, and configuring it sets the level and node name for every bundle', () => {
    const before = logger();
    const slot = (globalThis as unknown as Record<symbol, { logger: Logger }>)[Symbol.for('plenary.logger')];
    expect(slot.logger).toBe(before);
    const configured = configureLogger({ logLevel: 'debug', nodeName: 'node-a' });
    expect(logger()).toBe(configured);
    expect(slot.logger).toBe(configured);
    expect(configured.level).toBe('debug');
    expect(configured.bindings()).toMatchObject({ node: 'node-a' });
    configureLogger({ logLevel: 'silent', nodeName: 'node-a' });
  });
});

describe('URLs in the log', () => {
  it.each([
    ['/yjs/8c1f4a?token=v1.abc.def', `/yjs/8c1f4a?token=${REDACTED}`],
    ['/yjs/8c1f4a?x=1&token=abc&y=2', `/yjs/8c1f4a?x=1&token=${REDACTED}&y=2`],
    ['/join/Zk3qK9xYw2', `/join/${REDACTED}`],
    ['/join/Zk3qK9xYw2?_rsc=1x2y', `/join/${REDACTED}?_rsc=1x2y`],
    ['/invitations/Zk3qK9xYw2', `/invitations/${REDACTED}`],
    ['/api/invitations/Zk3qK9xYw2', `/api/invitations/${REDACTED}`],
    ['/api/invitations/Zk3qK9xYw2/accept', `/api/invitations/${REDACTED}/accept`],
    ['/api/auth/reset-password/ResetTok?callbackURL=%2Freset-password', `/api/auth/reset-password/${REDACTED}?callbackURL=%2Freset-password`],
    ['/reset-password?token=ResetTok', `/reset-password?token=${REDACTED}`],
    ['/sign-in?next=%2Fjoin%2FZk3qK9xYw2', `/sign-in?next=${REDACTED}`],
    ['/api/auth/verify?Access_Token=a&password=b', `/api/auth/verify?Access_Token=${REDACTED}&password=${REDACTED}`],
    ['http://localhost:3000/api/auth/reset-password/ResetTok', `http://localhost:3000/api/auth/reset-password/${REDACTED}`],
    ['postgres://app:hunter2@db:5432/plenary', `postgres://app:${REDACTED}@db:5432/plenary`],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it.each(['/', '/api/assemblies/a1/invitations/i1', '/proposals/p1?tab=history', '/_next/static/chunks/app.js', '/sign-in?next=%2Fassemblies'])(
    'leaves %s as it is',
    (url) => {
      expect(redactUrl(url)).toBe(url);
    },
  );

  it('takes URL passwords and token assignments out of free text', () => {
    expect(redactText('GET /yjs/p?token=abc failed; redis://:pw@cache:6379 down; password=x')).toBe(
      `GET /yjs/p?token=${REDACTED} failed; redis://:${REDACTED}@cache:6379 down; password=${REDACTED}`,
    );
  });
});

describe('request ids', () => {
  it('keeps a safe incoming id', () => {
    expect(requestIdFor('abc-123_XYZ.789')).toBe('abc-123_XYZ.789');
    expect(requestIdFor('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(129)],
    ['spaces', 'has spaces in it'],
    ['a line break', 'abcdefgh\n{"level":"fatal"}'],
    ['quotes', 'abcdefgh"x'],
    ['two headers joined', 'abcdefgh1, abcdefgh2'],
  ])('replaces an incoming id with %s by a new one', (_, incoming) => {
    const id = requestIdFor(incoming);
    expect(id).not.toBe(incoming);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes one when none comes, different each time', () => {
    const a = requestIdFor(undefined);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdFor(undefined)).not.toBe(a);
  });
});

describe('the access log', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((done) => server?.close(done) ?? done(undefined));
    server = undefined;
  });

  /** A server that logs like the composition root and answers `status` (from the path) after `handler` sees the request. */
  async function serve(log: Logger, handler: (req: IncomingMessage, id: string) => void = () => undefined): Promise<string> {
    const logRequest = createRequestLog({ logger: log, clientAddress: () => '203.0.113.7' });
    server = createServer((req, res) => {
      const id = logRequest(req, res);
      handler(req, id);
      const status = Number(/status=(\d+)/.exec(req.url ?? '')?.[1] ?? 200);
      res.writeHead(status).end('ok');
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  async function settle(lines: unknown[], count: number): Promise<void> {
    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(count));
  }

  it('writes one line per request: id, method, redacted URL, status, duration, client address; never headers', async () => {
    const { log, lines } = memoryLogger();
    let seen: string | string[] | undefined;
    const url = await serve(log, (req) => (seen = req.headers['x-request-id']));
    const response = await fetch(`${url}/yjs/p1?token=sync.secret`, { headers: { cookie: 'plenary.session=cookie-secret', 'x-request-id': 'incoming-id-1' } });
    expect(response.headers.get('x-request-id')).toBe('incoming-id-1');
    // The handler (Next, in the server) reads the same id from the request's headers.
    expect(seen).toBe('incoming-id-1');
    await settle(lines, 1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      node: 'test-node',
      reqId: 'incoming-id-1',
      req: { method: 'GET', url: `/yjs/p1?token=${REDACTED}`, remoteAddress: '203.0.113.7' },
      res: { statusCode: 200 },
      durationMs: expect.any(Number),
      msg: 'request completed',
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('sync.secret');
    expect(text).not.toContain('cookie-secret');
    expect(text).not.toContain('headers');
  });

  it('replaces an unsafe incoming id and makes one when none comes', async () => {
    const { log, lines } = memoryLogger();
    const url = await serve(log);
    const replaced = await fetch(`${url}/a`, { headers: { 'x-request-id': 'bad id' } });
    const made = await fetch(`${url}/b`);
    const ids = [replaced.headers.get('x-request-id'), made.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await settle(lines, 2);
    expect(lines.map((line) => line.reqId)).toEqual(ids);
  });

  it('writes probes, scrapes and static files at debug only', async () => {
    const quiet = memoryLogger('info');
    const url = await serve(quiet.log);
    for (const path of ['/healthz', '/readyz', '/metrics', '/_next/static/chunks/main.js', '/proposals']) await fetch(url + path);
    await settle(quiet.lines, 1);
    expect(quiet.lines.map((line) => (line.req as { url: string }).url)).toEqual(['/proposals']);

    await new Promise((done) => server!.close(done));
    const verbose = memoryLogger('debug');
    const url2 = await serve(verbose.log);
    const probe = await fetch(`${url2}/healthz`);
    expect(probe.headers.get('x-request-id')).toBeTruthy();
    await settle(verbose.lines, 1);
    expect(verbose.lines[0]).toMatchObject({ level: 'debug', req: { url: '/healthz' } });
  });

  it('writes a 5xx at error level, without a made-up error', async () => {
    const { log, lines } = memoryLogger();
    const url = await serve(log);
    await fetch(`${url}/x?status=503`);
    await settle(lines, 1);
    expect(lines[0]).toMatchObject({ level: 'error', res: { statusCode: 503 }, msg: 'request failed' });
    expect(lines[0]).not.toHaveProperty('err');
  });
});

describe('the mailer without SMTP', () => {
  it('writes the reset link to the log whole, at warn level', async () => {
    const warn = vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);
    try {
      const link = 'http://localhost:3000/api/auth/reset-password/ResetToken123?callbackURL=/reset-password';
      await createMailer({ from: 'Plenary <no-reply@localhost>' }).sendPasswordReset({ email: 'eve@example.org', name: 'Eve' }, link);
      expect(warn).toHaveBeenCalledTimes(1);
      const [fields, message] = warn.mock.calls[0] as unknown as [Record<string, unknown>, string];
      expect(fields).toMatchObject({ to: 'eve@example.org', resetLink: link });
      expect(message).toContain(link);
      expect(message).toContain('eve@example.org');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('better-auth\'s log lines', () => {
  it('go through the process\'s logger, with a failed query\'s parameters redacted', () => {
    const memory = memoryLogger();
    logger(); // makes the slot if no test did yet
    const slot = (globalThis as unknown as Record<symbol, { logger: Logger }>)[Symbol.for('plenary.logger')];
    const saved = slot.logger;
    slot.logger = memory.log;
    try {
      const failure = Object.assign(new Error('Failed query: select * from "session" where "token" = $1\nparams: SessionToken77'), {
        params: ['SessionToken77'],
      });
      logFromAuth('error', 'INTERNAL_SERVER_ERROR', failure);
      logFromAuth('warn', 'Invalid password');
    } finally {
      slot.logger = saved;
    }
    expect(JSON.stringify(memory.lines)).not.toContain('SessionToken77');
    expect(memory.lines[0]).toMatchObject({ level: 'error', component: 'auth', msg: 'INTERNAL_SERVER_ERROR', err: { type: 'Error' } });
    expect(memory.lines[1]).toMatchObject({ level: 'warn', component: 'auth', msg: 'Invalid password' });
  });
});
