/**
 * Migration levels: how far a database is migrated, how far this version of
 * Plenary can migrate one, and migrating a restore's target exactly to the
 * backup's level, so that its rows go into the tables they came from and the
 * later migrations (data migrations included) then run over them as they would
 * have run over the original database.
 *
 * Like openDatabase(), this applies the committed migrations of drizzle/ with
 * drizzle's own migrator code; a level other than the newest needs drizzle's
 * dialect migrator given the first migrations only.
 */
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { PgDialect } from 'drizzle-orm/pg-core';
import { MIGRATION_LOCK, MIGRATIONS_FOLDER } from '../migrations';
import { BackupError } from './backup-error';
import type { MigrationLevel } from './backup-format';
import type { SqlConnection } from './sql-connection';


/** The migrations this version of Plenary knows, oldest first. */
export function codeMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
}

/** The level of a database that has every migration of `migrations` up to `count`. */
export function levelOf(migrations: readonly MigrationMeta[], count: number): MigrationLevel {
  const last = migrations[count - 1];
  return { count, lastHash: last.hash, lastCreatedAt: last.folderMillis };
}

/** How far `connection`'s database is migrated; undefined when never (no Plenary tables). */
export async function readMigrationLevel(connection: SqlConnection): Promise<MigrationLevel | undefined> {
  const [{ present }] = await connection.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!present) return undefined;
  const [row] = await connection.query<{ count: number; last_hash: string | null; last_created_at: string | null }>(
    `select count(*)::int as count,
            (select hash from drizzle.__drizzle_migrations order by created_at desc limit 1) as last_hash,
            max(created_at)::text as last_created_at
       from drizzle.__drizzle_migrations`,
  );
  if (row.count === 0 || row.last_hash === null || row.last_created_at === null) return undefined;
  return { count: row.count, lastHash: row.last_hash, lastCreatedAt: Number(row.last_created_at) };
}

/**
 * How many of this version's migrations a database at `level` has applied.
 * Drizzle identifies migrations by their journal time, and so does this.
 * Throws when the level is not one this version knows (a newer or a different
 * Plenary migrated it); `whose` names the database in that message.
 */
export function appliedCount(level: MigrationLevel, migrations: readonly MigrationMeta[], whose: string): number {
  const index = migrations.findIndex((migration) => migration.folderMillis === level.lastCreatedAt);
  if (index >= 0) return index + 1;
  const newest = migrations.at(-1);
  if (!newest || level.lastCreatedAt > newest.folderMillis) {
    throw new BackupError(
      `${whose.charAt(0).toUpperCase()}${whose.slice(1)} comes from a newer version of Plenary: it has ${level.count} migrations, this version knows ${migrations.length}.\n` +
        'Install the version of Plenary that made it (or a newer one), then run the command with that version.',
    );
  }
  throw new BackupError(
    `The last migration of ${whose} (${new Date(level.lastCreatedAt).toISOString()}) is not one of this version's migrations.\n` +
      'A different build of Plenary made it: run the command with the version that made it.',
  );
}


/** Applies this version's migrations up to the first `count` (those not applied yet), as drizzle's migrator does. */
// The lock a starting server takes too: one started during a restore waits rather than migrate alongside.
export async function migrateTo(connection: SqlConnection, migrations: readonly MigrationMeta[], count: number): Promise<void> {
  const locked = connection.engine === 'postgres';
  if (locked) await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    // The migrator takes a session of any schema; ours carries Plenary's in its type.
    const session = connection.db._.session as unknown as Parameters<PgDialect['migrate']>[1];
    await new PgDialect().migrate(migrations.slice(0, count), session, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    if (locked) await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
