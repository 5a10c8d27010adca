import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { memberLoginRoleSql } from '../../server/db/member-login-role';

/**
 * The login role the test servers connect as on PostgreSQL: a member of
 * plenary_app and nothing else, as a careful deployment's DATABASE_URL would
 * be, so that the PostgreSQL pass proves the server needs no ownership.
 */
export const SERVER_TEST_ROLE = 'plenary_server_test';
const SERVER_TEST_PASSWORD = 'plenary_server_test';

/** A per-file PostgreSQL database and the two ways in. */
export interface TestPostgresDatabase {
  /** The database as TEST_DATABASE_URL's user, who creates it and so owns its tables once migrated. */
  url: string;
  /** The same database as {@link SERVER_TEST_ROLE}: what the server's DATABASE_URL names. */
  serverUrl: string;
  /** DATABASE_URL (the login role) and DATABASE_MIGRATION_URL (the owner) for a server on it. */
  env: { DATABASE_URL: string; DATABASE_MIGRATION_URL: string };
  /** Drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates plenary_app and {@link SERVER_TEST_ROLE} if the cluster lacks them.
 * Roles are cluster-wide and test files run in parallel processes, so two
 * files may create one at the same moment: the loser's duplicate_object or
 * unique_violation is swallowed, as migration 0004 does. plenary_app has to
 * exist before the migration, since the login role is created inside it.
 */
async function ensureServerRole(admin: pg.Client): Promise<void> {
  await admin.query(memberLoginRoleSql(SERVER_TEST_ROLE, SERVER_TEST_PASSWORD));
}

/**
 * A fresh PostgreSQL database for one test file when `TEST_DATABASE_URL`
 * names a server (the PostgreSQL pass of CI), else undefined (embedded PGlite).
 */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase | undefined> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return undefined;
  const name = `plenary_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureServerRole(admin);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const serverUrl = new URL(url);
  serverUrl.username = SERVER_TEST_ROLE;
  serverUrl.password = SERVER_TEST_PASSWORD;
  return {
    url: url.toString(),
    serverUrl: serverUrl.toString(),
    env: { DATABASE_URL: serverUrl.toString(), DATABASE_MIGRATION_URL: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
