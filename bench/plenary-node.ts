import { join } from 'node:path';
import { ROOT } from '../scripts/ensure-build';
import { freePort } from './free-port';
import { serverNodeFlags, startServerProcess, type ServerProcess } from './server-process';

/** Proposals created (or sync tokens issued) at once while making rooms. */
export const CREATE_CONCURRENCY = 4;

/** Runs `work` over `items`, at most `concurrency` at a time; the results in the order of the items. */
export async function inBatches<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/** One Plenary process to start. */
export interface PlenaryNodeOptions {
  /** Its DATA_DIR (with PostgreSQL it holds nothing the bench reads). */
  dataDir: string;
  /** The PostgreSQL database (DATABASE_URL and DATABASE_MIGRATION_URL); the embedded PGlite when absent. */
  database?: { DATABASE_URL: string; DATABASE_MIGRATION_URL: string };
  /** One node of several: the shared Redis, the shared AUTH_SECRET and this node's NODE_NAME. */
  cluster?: { redisUrl: string; authSecret: string; nodeName: string };
  logFile: string;
}

/** A Plenary process that said it is serving, and its port. */
export interface PlenaryNode {
  server: ServerProcess;
  port: number;
}

/**
 * Starts `node --import tsx server/main.ts` as in production (NODE_ENV=production)
 * on a free loopback port, with the bench's settings (SIGN_IN_RATE_LIMIT_MAX=100000,
 * SYNC_MAX_CONNECTIONS_PER_DOCUMENT=1000) and every other setting at its default.
 */
export async function startPlenaryNode(options: PlenaryNodeOptions): Promise<PlenaryNode> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    SIGN_IN_RATE_LIMIT_MAX: '100000',
    SYNC_MAX_CONNECTIONS_PER_DOCUMENT: '1000',
  };
  for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'ALLOW_OWNER_DATABASE_ROLE', 'PUBLIC_URL', 'REDIS_URL', 'NODE_NAME']) delete env[name];
  Object.assign(env, options.database);
  if (options.cluster) {
    env.REDIS_URL = options.cluster.redisUrl;
    env.AUTH_SECRET = options.cluster.authSecret;
    env.NODE_NAME = options.cluster.nodeName;
  }
  const server = await startServerProcess({
    name: options.cluster ? `plenary ${options.cluster.nodeName}` : 'plenary',
    args: [...serverNodeFlags(ROOT), join(ROOT, 'server/main.ts')],
    cwd: ROOT,
    env,
    ready: new RegExp(`^Plenary is serving http://localhost:${port}\\b`),
    logFile: options.logFile,
  });
  return { server, port };
}
