import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { memberLoginRoleSql } from '../server/db/member-login-role';

/** The PostgreSQL server used by `--db postgres` and `--nodes`. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * The login role Plenary's servers connect as: a member of plenary_app and
 * nothing else, as docs/deploy.md sets up (with NODE_ENV=production a server
 * refuses a login role that owns the tables or is a superuser). Cluster-wide,
 * created once and left in place.
 */
const SERVER_ROLE = 'plenary_server_bench';
const SERVER_PASSWORD = 'plenary_server_bench';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;

/** A database created for one Plenary target, and how to drop it. */
export interface FreshDatabase {
  /** The database as BENCH_DATABASE_URL's user, who creates it and so owns its tables once migrated. */
  url: string;
  /** DATABASE_URL (the login role that owns nothing) and DATABASE_MIGRATION_URL (the owner) for a server on it. */
  env: { DATABASE_URL: string; DATABASE_MIGRATION_URL: string };
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

/** Creates plenary_app and the bench's login role if the cluster lacks them (a concurrent creator's duplicate is swallowed). */
async function ensureServerRole(client: pg.Client): Promise<void> {
  await client.query(memberLoginRoleSql(SERVER_ROLE, SERVER_PASSWORD));
}

/**
 * Creates an empty database on the server of `adminUrl` (which must be on a
 * loopback address) and the roles a server needs, and returns its URLs;
 * `drop()` removes the database again.
 */
export async function createFreshDatabase(adminUrl: string): Promise<FreshDatabase> {
  const base = new URL(adminUrl);
  if (!LOOPBACK.test(base.hostname)) throw new Error(`BENCH_DATABASE_URL must point at a loopback address, not ${base.hostname}`);
  const name = `plenary_bench_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, async (client) => {
    await ensureServerRole(client);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const serverUrl = new URL(url);
  serverUrl.username = SERVER_ROLE;
  serverUrl.password = SERVER_PASSWORD;
  return {
    url: url.href,
    env: { DATABASE_URL: serverUrl.href, DATABASE_MIGRATION_URL: url.href },
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
