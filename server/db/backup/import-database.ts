/**
 * Restores a backup into an empty database, as the tables' owner:
 *  1. refuses, changing nothing, when the backup's migration level is newer
 *     than this code's or older than the target's, or when any table has rows;
 *  2. migrates the target exactly to the backup's level;
 *  3. in ONE transaction: inserts the tables in the backup's order (each after
 *     those it references, checked against the target's foreign keys) with
 *     json_populate_recordset, in batches as they stream in, with the INSERT
 *     triggers that derive rows suspended (their rows are in the backup);
 *     checks every table's row count against the trailer; resets every serial
 *     sequence past the largest id. Any error rolls all of it back;
 *  4. applies this code's later migrations, if the backup was older.
 * Append-only tables refuse UPDATE, DELETE and TRUNCATE, never INSERT, so
 * their rows go in like any other.
 */
import { BackupError, messageOf } from './backup-error';
import type { BackupHeader } from './backup-format';
import { quoteIdent, readCatalog, schemaTableNames, type TableInfo } from './catalog';
import { appliedCount, codeMigrations, migrateTo, readMigrationLevel } from './migration-level';
import { suspendInsertTriggers } from './insert-triggers';
import { readBackup, type BackupEvent } from './read-backup';
import { resetSequences } from './reset-sequences';
import type { SqlConnection } from './sql-connection';
import { findOrderViolation } from './table-order';

/** What the caller hears while a restore runs. */
export interface ImportListener {
  onHeader?(header: BackupHeader): void;
  /** Migrations were applied to the target: before the import (to the backup's level) or after it (to this code's). */
  onMigrated?(from: number, to: number): void;
  onTable?(table: string, rows: number): void;
}

/** What was restored. */
export interface ImportSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  totalRows: number;
  /** The target's migration count at the end. */
  migrations: number;
}

/**
 * Throws, naming them, when any of Plenary's tables in the target has a row:
 * those of the backup and of this version's schema (another table in `public`,
 * such as an extension's, is not Plenary's to judge).
 */
async function refuseIfNotEmpty(target: SqlConnection, header: BackupHeader, existing: Iterable<string>): Promise<void> {
  const ours = new Set([...header.tables.map((table) => table.name), ...schemaTableNames()]);
  const filled: string[] = [];
  for (const table of [...existing].filter((name) => ours.has(name))) {
    const [{ present }] = await target.query<{ present: boolean }>(`select exists (select 1 from ${quoteIdent(table)}) as present`);
    if (present) filled.push(table);
  }
  if (filled.length > 0) {
    throw new BackupError(
      `${target.label} is not empty (rows in ${filled.join(', ')}). A restore only fills an empty database, so that nothing is mixed or overwritten.\n` +
        'Restore into a new database: an empty DATA_DIR for the embedded database, or a newly created PostgreSQL database ' +
        '(on which the server has not been started with the demo; DEMO=off prevents it).',
    );
  }
}

/** Checks that the backup's tables and columns exist in the target and that its order suits the target's foreign keys. */
function checkTablesMatch(header: BackupHeader, catalog: Map<string, TableInfo>, label: string): void {
  for (const table of header.tables) {
    const target = catalog.get(table.name);
    const missing = target ? table.columns.filter((column) => !target.columns.includes(column)) : [];
    if (!target || missing.length > 0) {
      throw new BackupError(
        `The backup has ${target ? `columns ${missing.map((c) => `${table.name}.${c}`).join(', ')}` : `table ${table.name}`} that ${label} lacks, ` +
          'although both are at the same migration level: one of them was changed outside Plenary.',
      );
    }
  }
  const violation = findOrderViolation(header.tables.map((table) => table.name), catalog);
  if (violation) {
    throw new BackupError(`The backup lists table ${violation.table} before ${violation.references}, which it references: it cannot be restored in order.`);
  }
}

/** The statement that inserts a batch of row JSON texts into `table`. */
function insertStatement(table: BackupHeader['tables'][number]): string {
  const columns = table.columns.map(quoteIdent).join(', ');
  // OVERRIDING SYSTEM VALUE keeps the ids of identity columns too (serial columns take given ids anyway).
  return `insert into ${quoteIdent(table.name)} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${quoteIdent(table.name)}, $1::json)`;
}

/** Inserts the events' rows inside the open transaction; returns the rows per table, as the trailer confirmed them. */
async function insertRows(target: SqlConnection, header: BackupHeader, events: AsyncIterator<BackupEvent>, listener: ImportListener) {
  const statements = new Map(header.tables.map((table) => [table.name, insertStatement(table)]));
  const tables: { name: string; rows: number }[] = [];
  for (let result = await events.next(); !result.done; result = await events.next()) {
    const event = result.value;
    if (event.kind === 'rows') {
      try {
        await target.query(statements.get(event.table)!, [`[${event.rows.join(',')}]`]);
      } catch (error) {
        throw new BackupError(`Restoring table ${event.table} failed: ${messageOf(error)}.`, { cause: error });
      }
    } else if (event.kind === 'table-end') {
      tables.push({ name: event.table, rows: event.rows });
      listener.onTable?.(event.table, event.rows);
    } else if (event.kind === 'trailer') {
      return tables;
    }
  }
  // readBackup throws before ending without a trailer; this only guards against a change there.
  throw new BackupError('The backup ended without a trailer.');
}

/** Restores the backup whose lines are `lines` into `target`; `source` names it in messages. */
export async function importDatabase(target: SqlConnection, lines: AsyncIterable<string>, source: string, listener: ImportListener = {}): Promise<ImportSummary> {
  const events = readBackup(lines, source);
  try {
    const first = await events.next();
    if (first.done || first.value.kind !== 'header') throw new BackupError(`${source} has no header.`);
    const header = first.value.header;
    listener.onHeader?.(header);

    const code = codeMigrations();
    const backupCount = appliedCount(header.migrations, code, 'the backup');
    await refuseIfNotEmpty(target, header, (await readCatalog(target)).keys());
    const targetLevel = await readMigrationLevel(target);
    if (targetLevel && targetLevel.lastCreatedAt > header.migrations.lastCreatedAt) {
      throw new BackupError(
        `${target.label} is already migrated past the backup (${targetLevel.count} migrations; the backup has ${header.migrations.count}).\n` +
          'Restore into a new database on which the server has not been started: the backup is migrated forward after its rows are in.',
      );
    }
    const before = targetLevel ? appliedCount(targetLevel, code, target.label) : 0;
    if (before < backupCount) {
      await migrateTo(target, code, backupCount);
      listener.onMigrated?.(before, backupCount);
    }
    const catalog = await readCatalog(target);
    checkTablesMatch(header, catalog, target.label);

    await target.query('begin');
    let tables: { name: string; rows: number }[];
    try {
      // Again inside the transaction: a server started on the target meanwhile may have written the demo.
      await refuseIfNotEmpty(target, header, catalog.keys());
      const resumeTriggers = await suspendInsertTriggers(target, header.tables.map((table) => table.name));
      tables = await insertRows(target, header, events, listener);
      for (const { name, rows } of tables) {
        const [{ count }] = await target.query<{ count: string }>(`select count(*)::text as count from ${quoteIdent(name)}`);
        if (Number(count) !== rows) throw new BackupError(`Table ${name} holds ${count} rows after the import instead of ${rows}.`);
      }
      await resumeTriggers();
      await resetSequences(target);
      await target.query('commit');
    } catch (error) {
      await target.query('rollback').catch(() => undefined);
      throw error;
    }

    if (backupCount < code.length) {
      await migrateTo(target, code, code.length);
      listener.onMigrated?.(backupCount, code.length);
    }
    return { header, tables, totalRows: tables.reduce((sum, table) => sum + table.rows, 0), migrations: code.length };
  } finally {
    // Ends the reader (and with it the file or the source's transaction) if we stopped early.
    await events.return(undefined);
  }
}
