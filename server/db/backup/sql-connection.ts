/**
 * One connection to either database engine, as the tables' owner, with the
 * little the backup needs: raw SQL with parameters (so that export and import
 * are written once, in SQL both engines accept), and drizzle over the same
 * connection (for the migrator and the ledger verifier).
 *
 * Unlike openDatabase() this neither migrates on opening nor switches to
 * plenary_app: a backup must not change the database it reads, and a restore
 * writes the append-only tables, which only their owner may fill in bulk.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataDirLockedError } from '../data-dir-lock';
import { openEmbeddedClient, type EmbeddedClient } from '../embedded-database';
import type { Db } from '../database';
import * as schema from '../schema';
import { BackupError, messageOf } from './backup-error';

/** Which engine holds the data. */
export type Engine = 'pglite' | 'postgres';

/** A single session on a database (statements run one after another, so BEGIN … COMMIT spans them). */
export interface SqlConnection {
  readonly engine: Engine;
  /** Where the data is, for messages: a folder, or a URL without its password. */
  readonly label: string;
  /** Runs one statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** drizzle with Plenary's schema (for the migrator and the ledger verifier; not inside this session's transaction on PostgreSQL). */
  readonly db: Db;
  /** Ends the session (and releases the data folder's lock). */
  close(): Promise<void>;
}

/** `url` without its password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}

/**
 * Opens one PostgreSQL session on `url`, whose role should own Plenary's
 * tables. Raw statements go one after another on that session (pg refuses
 * overlapping queries on one client); drizzle, whose ledger verifier reads in
 * parallel, gets a small pool of its own on the same URL, opened when first used.
 */
export async function connectPostgres(url: string): Promise<SqlConnection> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const client = new pg.Client({ connectionString: url });
  // A dropped connection surfaces on the next query; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Cannot connect to PostgreSQL at ${describeUrl(url)}: ${messageOf(error)}.\n` +
        'Check the URL (user, password, host, port, database name), that the server runs, and that the database exists.',
      { cause: error },
    );
  }
  let pool: InstanceType<typeof pg.Pool> | undefined;
  let db: Db | undefined;
  return {
    engine: 'postgres',
    label: describeUrl(url),
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    get db() {
      if (!db) {
        pool = new pg.Pool({ connectionString: url, max: 4 });
        pool.on('error', () => undefined);
        db = drizzle(pool, { schema }) as unknown as Db;
      }
      return db;
    },
    close: async () => {
      try {
        await pool?.end();
      } finally {
        await client.end();
      }
    },
  };
}

/** Whether `dataDir` holds an embedded database (PGlite writes PostgreSQL's PG_VERSION file at creation). */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(resolve(dataDir), 'pglite', 'PG_VERSION'));
}

/**
 * Opens the embedded database under `dataDir` after taking the data folder's
 * lock, which a running server holds: PGlite serves one process, and a second
 * opener would corrupt it. `create` allows an empty folder (a restore's
 * target); otherwise a missing database is an error rather than a new, empty
 * one silently made in the wrong place.
 */
export async function openEmbedded(dataDir: string, options: { create: boolean }): Promise<SqlConnection> {
  const folder = resolve(dataDir);
  if (!options.create && !hasEmbeddedDatabase(folder)) {
    throw new BackupError(
      `There is no embedded database in ${join(folder, 'pglite')}.\n` +
        'Set DATA_DIR to the data folder the server uses (the one holding pglite/ and auth-secret), ' +
        'or DATABASE_URL if your Plenary runs on PostgreSQL.',
    );
  }
  const { drizzle } = await import('drizzle-orm/pglite');
  let embedded: EmbeddedClient;
  try {
    embedded = await openEmbeddedClient(folder);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `The embedded database in ${folder} is in use by a running Plenary process (pid ${error.holderPid}).\n` +
        'Stop the server first (the embedded database serves one process at a time), then run this command again.',
      { cause: error },
    );
  }
  const { client } = embedded;
  return {
    engine: 'pglite',
    label: folder,
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    db: drizzle(client, { schema }) as unknown as Db,
    close: () => embedded.close(),
  };
}
