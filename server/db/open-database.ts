import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import { acquireDataDirLock } from './data-dir-lock';
import type { Db } from './database';
import { createLogAppender, type LogAppender } from './log-appender';
import * as schema from './schema';

/** Folder of the committed SQL migrations. */
const MIGRATIONS_FOLDER = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../drizzle');

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
 */
export async function openDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
    try {
      const db = drizzle(pool, { schema });
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      const appendLog = createLogAppender({ kind: 'postgres', query: (text, params) => pool.query(text, params) });
      return { db: db as unknown as Db, appendLog, kind: 'postgres', close: () => pool.end() };
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = await PGlite.create(resolve(dataDir, 'pglite'));
    const db = drizzle(client, { schema });
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (error) {
      await client.close();
      throw error;
    }
    const appendLog = createLogAppender({ kind: 'pglite', exec: (text) => client.exec(text) });
    return {
      db: db as unknown as Db,
      appendLog,
      kind: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
