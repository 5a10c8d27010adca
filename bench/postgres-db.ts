import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server used by `--db postgres`. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;

/** A database created for one Plenary server, and how to drop it. */
export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates an empty database on the server of `adminUrl` (which must be on a
 * loopback address) and returns its URL; `drop()` removes it again.
 */
export async function createFreshDatabase(adminUrl: string): Promise<FreshDatabase> {
  const base = new URL(adminUrl);
  if (!LOOPBACK.test(base.hostname)) throw new Error(`BENCH_DATABASE_URL must point at a loopback address, not ${base.hostname}`);
  const name = `plenary_bench_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
