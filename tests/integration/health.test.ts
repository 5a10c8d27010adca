/** The operations endpoints: liveness, readiness, Prometheus metrics, answered before Next and auth. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSyncClient, syncTicket, waitFor } from '../support/sync-clients';
import { buildSyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

const METRIC_NAMES = [
  'plenary_sync_connections',
  'plenary_sync_documents_loaded',
  'plenary_realtime_connections',
  'plenary_sync_updates_committed_total',
  'plenary_sync_persist_duration_seconds',
  'process_cpu_user_seconds_total',
];

async function get(server: TestServer, path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** The value of an unlabelled sample (`name value`) in Prometheus text. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name}`);
  return Number(line.slice(name.length + 1));
}

describe('the operations endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz without a session, also for HEAD', async () => {
    const response = await get(server, '/healthz');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const head = await get(server, '/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('reports ready with the database check', async () => {
    const response = await get(server, '/readyz');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('refuses other methods with 405 and the API error shape', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const response = await get(server, path, { method: 'POST' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(response.json().error).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
    }
  });

  it('serves Prometheus metrics that follow real sync traffic', async () => {
    const before = await get(server, '/metrics');
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const name of METRIC_NAMES) expect(before.text).toContain(`# TYPE ${name} `);
    const updatesBefore = sample(before.text, 'plenary_sync_updates_committed_total');
    const commitsBefore = sample(before.text, 'plenary_sync_persist_duration_seconds_count');

    const fx = await buildSyncFixture(server.url);
    const client = await connectSyncClient(await syncTicket(fx.ann, fx.proposalId));
    try {
      client.type('Measured words');
      // Committed updates are counted after their commit: poll until the scrape shows them.
      let text = '';
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        text = (await get(server, '/metrics')).text;
        if (sample(text, 'plenary_sync_updates_committed_total') > updatesBefore) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(sample(text, 'plenary_sync_updates_committed_total')).toBeGreaterThan(updatesBefore);
      expect(sample(text, 'plenary_sync_persist_duration_seconds_count')).toBeGreaterThan(commitsBefore);
      expect(sample(text, 'plenary_sync_connections')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'plenary_sync_documents_loaded')).toBeGreaterThanOrEqual(1);
    } finally {
      client.destroy();
    }
    await waitFor(() => server.sync.connectionCount === 0, 10_000, 'the connection to close');
    expect(sample((await get(server, '/metrics')).text, 'plenary_sync_connections')).toBe(0);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'a-scrape-token-of-some-length';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: token });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a scrape without the token or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', token]) {
      const response = await get(server, '/metrics', authorization ? { headers: { authorization } } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('serves the metrics with the token, and leaves the probes open', async () => {
    const response = await get(server, '/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.text).toContain('plenary_sync_updates_committed_total');
    expect((await get(server, '/healthz')).status).toBe(200);
    expect((await get(server, '/readyz')).status).toBe(200);
  });
});

describe('/readyz when the database is gone', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 503 and names the failing check, while /healthz stays 200', async () => {
    const database = server.database;
    await database.close();
    // Closed once here: the server's own shutdown must not close it a second time (PostgreSQL's pool refuses that).
    database.close = async () => undefined;
    const response = await get(server, '/readyz');
    expect(response.status).toBe(503);
    expect(response.json()).toEqual({ status: 'not-ready', checks: { database: expect.stringMatching(/^(failed|timeout)$/) } });
    expect((await get(server, '/healthz')).status).toBe(200);
  });
});
