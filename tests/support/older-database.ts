import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestPostgresDatabase } from './test-database';

/** Runs one SQL statement against a database being prepared. */
export type Exec = (statement: string, params?: unknown[]) => Promise<void>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A copy of drizzle/ whose journal stops at `lastTag` (a folder the caller removes). */
export function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'plenary-migrations-'));
  cpSync(join(ROOT, 'drizzle'), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return folder;
}

/**
 * Builds a database as an older Plenary left it: migrated with the journal
 * of `migrationsFolder` only, then `seed` run as the owner. On PostgreSQL
 * when given one, else in a PGlite folder under `dataDir`; the server's own
 * openDatabase then applies the remaining migrations over it.
 */
export async function buildOlderDatabase(migrationsFolder: string, target: { dataDir: string; postgres?: TestPostgresDatabase }, seed: (exec: Exec) => Promise<void>): Promise<void> {
  if (target.postgres) {
    const client = new pg.Client({ connectionString: target.postgres.url });
    await client.connect();
    try {
      const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
      await migrate(drizzle(client), { migrationsFolder });
      await seed(async (statement, params) => void (await client.query(statement, params)));
    } finally {
      await client.end();
    }
    return;
  }
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(join(target.dataDir, 'pglite'));
  try {
    await migrate(drizzle(client), { migrationsFolder });
    await seed(async (statement, params) => void (await client.query(statement, params)));
  } finally {
    await client.close();
  }
}
