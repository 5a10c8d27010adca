import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type ServerProcess } from '../support/server-process';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { createTestPostgresDatabase, type TestPostgresDatabase } from '../support/test-database';

/** Two (or more) Plenary nodes sharing one PostgreSQL database and one Redis, each its own process. */
export interface Cluster {
  postgres: TestPostgresDatabase;
  redis: TestRedis;
  nodes: ServerProcess[];
  /** Kills node `index` (if still running) and starts it again on the same port. */
  restart(index: number): Promise<ServerProcess>;
  stop(): Promise<void>;
}

/** The environment of a node: what docs/deploy.md describes, on this machine's services. */
export function nodeEnvironment(postgres: TestPostgresDatabase, redisUrl: string, name: string, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...postgres.env,
    REDIS_URL: redisUrl,
    NODE_NAME: name,
    AUTH_SECRET: 'multi-node test secret shared by every node of the cluster',
    DEMO: 'off',
    // The default: the suite checks that the nodes share it (sign-ups allow 10 a minute, the suite makes 5).
    SIGN_IN_RATE_LIMIT_MAX: '5',
    // Small, so that both nodes compact the shared texts while the tests run.
    SYNC_COMPACT_EVERY: '25',
  };
}

/** A TCP port free right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts Redis and `count` nodes on a fresh database of TEST_DATABASE_URL's server. */
export async function startCluster(count = 2): Promise<Cluster> {
  const postgres = await createTestPostgresDatabase();
  if (!postgres) throw new Error('The multi-node suite needs TEST_DATABASE_URL (a PostgreSQL server).');
  const redis = await startTestRedis(await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-cluster-'));
  const start = (index: number, port = 0) =>
    spawnServer({ ...nodeEnvironment(postgres, redis.url, `node-${index + 1}`, join(dataDir, `node-${index + 1}`)), PORT: String(port) });
  // The first node alone migrates the fresh database; the others then find nothing to apply.
  const nodes = [await start(0)];
  nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)))));
  return {
    postgres,
    redis,
    nodes,
    async restart(index) {
      const port = Number(new URL(nodes[index].url).port);
      await nodes[index].kill('SIGKILL');
      nodes[index] = await start(index, port);
      return nodes[index];
    },
    async stop() {
      await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
      await redis.stop();
      await postgres.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
