import type { Config } from '../config';
import { logger } from '../logging/logger';
import { openEmbeddedClient } from './embedded-database';
import { MIGRATION_LOCK, MIGRATIONS_FOLDER } from './migrations';
import type { Db } from './database';
import { createLogAppender, type LogAppender } from './log-appender';
import { inspectLoginRole, loginRoleWarning, type RowQuery } from './login-role-check';
import * as schema from './schema';


/**
 * The role the server's queries run as (created by migration 0004): it owns no
 * table and may only SELECT and INSERT the append-only ones, so that neither a
 * bug nor injected SQL can rewrite the record or drop its triggers.
 */
export const APP_ROLE = 'plenary_app';

/**
 * `url` with `-c role=plenary_app` (and any `settings`) added to its startup
 * options: PostgreSQL itself takes the role while opening each connection,
 * before any query, and refuses the connection if it cannot. (A `SET ROLE`
 * sent on the pool's connect event would let the next query run as the login
 * role when it fails.)
 */
function withAppRole(url: string, settings: string[] = []): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [options, `-c role=${APP_ROLE}`, ...settings.map((setting) => `-c ${setting}`)].filter(Boolean).join(' '));
  return parsed.toString();
}

/**
 * The update log's append gets connections of its own, which keep generic
 * plans: left to choose, PostgreSQL plans the statement afresh on every call
 * (its estimate of a custom plan stays below the generic one), and planning
 * costs more than running it (measured: 784 → 433 µs a row). Other queries
 * keep PostgreSQL's own choice. Two connections: the group committer writes
 * one batch at a time.
 */
const APPEND_CONNECTION_SETTINGS = ['plan_cache_mode=force_generic_plan'];

/** An open, migrated database and how to close it. */
export interface OpenDatabase {
  db: Db;
  /** The update log's append, straight on the driver (the sync server's hottest statement). */
  appendLog: LogAppender;
  /** `pglite` (embedded, under DATA_DIR) or `postgres` (DATABASE_URL). */
  kind: 'pglite' | 'postgres';
  /** Closes the connection (and releases the data-folder lock). */
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names, applies pending migrations and
 * returns it. PGlite lives under DATA_DIR, guarded by a lock file; PostgreSQL
 * is used when DATABASE_URL is set. Both go through drizzle's PostgreSQL dialect.
 * Migrations run as the connecting role (the tables' owner; on PostgreSQL
 * DATABASE_MIGRATION_URL's role when set); every query after them runs as
 * {@link APP_ROLE}. On PostgreSQL, a login role that could leave APP_ROLE
 * again (it owns the record or is a superuser) gets a loud warning, or stops
 * the start when `allowOwnerDatabaseRole` is false; omitted, it only warns.
 * PGlite is not checked: its single in-process connection always belongs to
 * the owner, so there the role switch guards against mistakes only.
 */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'databaseMigrationUrl' | 'allowOwnerDatabaseRole'>>,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const [{ Client, Pool }, { drizzle }, { migrate }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const owner = new Client({ connectionString: config.databaseMigrationUrl ?? config.databaseUrl });
    await owner.connect();
    try {
      // Several nodes starting at once would each apply the same pending migration: one at a time
      // (the lock ends with the connection), and the later ones find nothing left to apply.
      await owner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle(owner, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await owner.end();
    }
    // Every pooled connection, the log appender's included, starts as plenary_app.
    const pool = new Pool({ connectionString: withAppRole(config.databaseUrl), max: 10 });
    const appendPool = new Pool({ connectionString: withAppRole(config.databaseUrl, APPEND_CONNECTION_SETTINGS), max: 2 });
    const closePools = () => Promise.all([pool.end(), appendPool.end()]).then(() => undefined);
    try {
      const db = drizzle(pool, { schema });
      // Fails here, at start, when the login role may not take plenary_app.
      await pool.query('select 1');
      const risk = await inspectLoginRole(((text, params) => pool.query(text, params)) as RowQuery);
      if (risk) {
        const warning = loginRoleWarning(risk, config.databaseUrl);
        if (config.allowOwnerDatabaseRole === false) throw new Error(`refusing this database login role.\n${warning}`);
        // A warning, not a refusal: the deployment works, but one of the promises is weaker than it looks.
        logger().warn({ component: 'database' }, `WARNING: ${warning}`);
      }
      const appendLog = createLogAppender({ kind: 'postgres', query: (text, params, name) => appendPool.query({ text, values: params, name }) });
      return { db: db as unknown as Db, appendLog, kind: 'postgres', close: closePools };
    } catch (error) {
      await closePools().catch(() => undefined);
      throw error;
    }
  }

  const embedded = await openEmbeddedClient(config.dataDir);
  const { client } = embedded;
  try {
    const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // One connection serves everything (the raw log appender too): switch it once, for the
    // session. In PGlite's single-user process this guards against mistakes, not against
    // code in the same process, which could switch back.
    await client.exec(`SET ROLE ${APP_ROLE}`);
    const appendLog = createLogAppender({ kind: 'pglite', exec: (text) => client.exec(text) });
    return { db: db as unknown as Db, appendLog, kind: 'pglite', close: () => embedded.close() };
  } catch (error) {
    await embedded.close();
    throw error;
  }
}
