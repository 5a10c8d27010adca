/**
 * Reads a whole Plenary database as the lines of a backup (see
 * backup-format.ts), inside one read-only REPEATABLE READ transaction: every
 * table is read from the same snapshot, so a backup of a PostgreSQL database
 * taken while the server runs is still consistent (no dissent without its
 * ledger entry). Rows come through a cursor in pages sized to their bytes, so
 * memory stays bounded however large the database is.
 */
import { BackupError } from './backup-error';
import { BACKUP_FORMAT, BACKUP_VERSION, rowLine, tableLine, trailerLine, type BackupHeader } from './backup-format';
import { quoteIdent, readCatalog, schemaTableNames, type TableInfo } from './catalog';
import { codeMigrations, readMigrationLevel } from './migration-level';
import type { SqlConnection } from './sql-connection';
import { foreignKeyOrder } from './table-order';

/** What the caller hears while the export runs. */
export interface ExportListener {
  /** The header is written: the tables to come, in order. */
  onHeader?(header: BackupHeader): void;
  /** A table is done. */
  onTable?(table: string, rows: number): void;
  /** A table of schema `public` that is not Plenary's and is left out. */
  onSkipped?(table: string): void;
}

/** Rows per page at first; pages then grow or shrink to about {@link PAGE_BYTES}. */
const FIRST_PAGE_ROWS = 100;
const MAX_PAGE_ROWS = 2000;
const PAGE_BYTES = 4 * 1024 * 1024;

/**
 * The tables to export. At the code's own migration level they must be
 * exactly the drizzle schema's (a missing one means the database is not what
 * this version expects; another table in `public`, such as an extension's, is
 * not Plenary's and is skipped). At another level the code's schema does not
 * describe the database, so every table of `public` is taken.
 */
function chooseTables(catalog: Map<string, TableInfo>, sameLevelAsCode: boolean, listener: ExportListener): TableInfo[] {
  if (!sameLevelAsCode) return [...catalog.values()];
  const expected = schemaTableNames();
  const missing = [...expected].filter((name) => !catalog.has(name));
  if (missing.length > 0) {
    throw new BackupError(
      `The database lacks tables this version of Plenary expects (${missing.join(', ')}), although its migrations are up to date.\n` +
        'It was changed outside Plenary. Repair it (or restore an earlier backup) before making a backup from it.',
    );
  }
  for (const name of catalog.keys()) if (!expected.has(name)) listener.onSkipped?.(name);
  return [...catalog.values()].filter((table) => expected.has(table.name));
}

/** Yields the rows of one table as row lines, through a cursor of this transaction. */
async function* tableRows(connection: SqlConnection, table: TableInfo): AsyncGenerator<string> {
  const orderBy = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((column) => `t.${quoteIdent(column)}`).join(', ')}` : '';
  // row_to_json(t) of the table's row type: every column, bytea as '\x..' hex, timestamps with their offset.
  await connection.query(`declare plenary_backup no scroll cursor for select row_to_json(t)::text as row from ${quoteIdent(table.name)} t${orderBy}`);
  let closed = false;
  try {
    let pageRows = FIRST_PAGE_ROWS;
    for (;;) {
      const page = await connection.query<{ row: string }>(`fetch forward ${pageRows} from plenary_backup`);
      let bytes = 0;
      for (const { row } of page) {
        bytes += row.length;
        yield rowLine(row);
      }
      if (page.length < pageRows) break;
      pageRows = Math.max(1, Math.min(MAX_PAGE_ROWS, Math.floor((pageRows * PAGE_BYTES) / Math.max(bytes, 1))));
    }
    await connection.query('close plenary_backup');
    closed = true;
  } finally {
    // Stopped early or failed: the rollback that follows closes the cursor; an error here would hide the first one.
    if (!closed) await connection.query('close plenary_backup').catch(() => undefined);
  }
}

/**
 * The lines of a backup of `connection`'s database (without newlines). The
 * transaction stays open while the lines are consumed and ends when they are
 * (or when the consumer stops early).
 */
export async function* exportDatabase(connection: SqlConnection, listener: ExportListener = {}): AsyncGenerator<string> {
  await connection.query('begin isolation level repeatable read read only');
  let finished = false;
  try {
    // Fixed output settings: bytea as hex (what json_populate_recordset reads back), times in UTC.
    await connection.query(`set local bytea_output = 'hex'`);
    await connection.query(`set local timezone = 'UTC'`);
    const level = await readMigrationLevel(connection);
    if (!level) {
      throw new BackupError(
        `${connection.label} holds no Plenary database (no migrations were ever applied).\n` +
          'Check DATA_DIR or DATABASE_URL: they must name the database your server uses.',
      );
    }
    const code = codeMigrations();
    const sameLevelAsCode = level.lastCreatedAt === code.at(-1)?.folderMillis;
    const catalog = await readCatalog(connection);
    const tables = foreignKeyOrder(chooseTables(catalog, sameLevelAsCode, listener)).map((name) => catalog.get(name)!);
    const [{ version }] = await connection.query<{ version: string }>(`select current_setting('server_version') as version`);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      source: { engine: connection.engine, serverVersion: version },
      migrations: level,
      tables: tables.map(({ name, columns, primaryKey }) => ({ name, columns, primaryKey })),
    };
    listener.onHeader?.(header);
    yield JSON.stringify(header);

    const counts: Record<string, number> = {};
    for (const table of tables) {
      yield tableLine(table.name);
      let rows = 0;
      for await (const line of tableRows(connection, table)) {
        rows++;
        yield line;
      }
      counts[table.name] = rows;
      listener.onTable?.(table.name, rows);
    }
    yield trailerLine(counts);
    await connection.query('commit');
    finished = true;
  } finally {
    // Read-only: rolling back loses nothing, and leaves the session usable (the ledger check of a move uses it).
    if (!finished) await connection.query('rollback').catch(() => undefined);
  }
}
