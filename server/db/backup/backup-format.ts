/**
 * The backup format: gzip'd NDJSON, one JSON object per line.
 *
 *   {"format":"plenary-backup","version":1,...}   header: source, migration level, tables in insert order
 *   {"table":"user"}                               start of a table's rows
 *   {"r":{...}}                                    one row, as PostgreSQL's row_to_json wrote it
 *   ...                                            (every table of the header, in its order)
 *   {"end":"plenary-backup","rows":{"user":3,...}} trailer: rows per table
 *
 * Rows are copied as text from row_to_json and handed back to PostgreSQL's
 * json_populate_recordset without being parsed into JavaScript values, so
 * that nothing is lost on the way: bigints beyond 2^53, timestamps to the
 * microsecond, bytea as '\x…' hex. A file without its trailer, or whose row
 * counts differ from it, was cut short and is refused.
 */
import { z } from 'zod';

/** Value of the header's `format`. */
export const BACKUP_FORMAT = 'plenary-backup';
/** The version of the format this code writes and reads. */
export const BACKUP_VERSION = 1;
/** Suffix of backup files. */
export const BACKUP_EXTENSION = '.ndjson.gz';

/** How far a database is migrated: drizzle's bookkeeping (drizzle.__drizzle_migrations). */
export const migrationLevelSchema = z.object({
  /** Migrations applied. */
  count: z.number().int().min(1),
  /** SHA-256 of the last migration's SQL file, as drizzle recorded it. */
  lastHash: z.string(),
  /** The last migration's `when` from drizzle/meta/_journal.json: what drizzle compares. */
  lastCreatedAt: z.number().int(),
});
export type MigrationLevel = z.infer<typeof migrationLevelSchema>;

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  primaryKey: z.array(z.string()),
});

/** The first line. */
export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.object({ engine: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
  migrations: migrationLevelSchema,
  /** In insert order: each table after those it references. */
  tables: z.array(tableSchema).min(1),
});
export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTable = z.infer<typeof tableSchema>;

/** The last line. */
export const trailerSchema = z.object({
  end: z.literal(BACKUP_FORMAT),
  rows: z.record(z.string(), z.number().int().min(0)),
});
export type BackupTrailer = z.infer<typeof trailerSchema>;

/** Prefix of a row line; the row's JSON follows, then one closing brace. */
export const ROW_PREFIX = '{"r":';

/** The line that starts `table`'s rows. */
export function tableLine(table: string): string {
  return JSON.stringify({ table });
}

/**
 * The line of one row, from row_to_json's text. json columns (not jsonb) keep
 * the whitespace they were written with, newlines included: such a row is
 * re-serialised so that it stays on one line (Plenary's schema has none).
 */
export function rowLine(rowJson: string): string {
  return ROW_PREFIX + (rowJson.includes('\n') ? JSON.stringify(JSON.parse(rowJson)) : rowJson) + '}';
}

/** The trailer line. */
export function trailerLine(rows: Record<string, number>): string {
  return JSON.stringify({ end: BACKUP_FORMAT, rows } satisfies BackupTrailer);
}
