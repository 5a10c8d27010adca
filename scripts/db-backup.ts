/**
 * `npm run db:backup -- [--out FILE] [--database-url URL]`
 *
 * Writes a backup of Plenary's database into a new gzip'd NDJSON file (see
 * server/db/backup/backup-format.ts), read in one consistent snapshot. The
 * database is the one the server's configuration names: PostgreSQL through
 * DATABASE_MIGRATION_URL or DATABASE_URL (the server may keep running), else
 * the embedded database under DATA_DIR, which only one process may open: the
 * server must be stopped. Prints each table's rows, then the file, its size
 * and the counts. Exit status: 0 written, 1 failed (nothing left behind), 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { BackupError } from '../server/db/backup/backup-error';
import { BACKUP_EXTENSION } from '../server/db/backup/backup-format';
import { writeBackupFile } from '../server/db/backup/backup-file';
import {
  configuredDatabase,
  counted,
  formatBytes,
  openChosen,
  parseCommandLine,
  runCommand,
  tableLine,
  userPath,
} from '../server/db/backup/command-line';
import { exportDatabase } from '../server/db/backup/export-database';

const USAGE = `Usage: npm run db:backup -- [--out FILE] [--database-url postgres://USER:PASSWORD@HOST:5432/DATABASE]

Writes a backup of Plenary's database into a new file (never over an existing one);
by default plenary-backup-<UTC time>${BACKUP_EXTENSION} in the current folder.
The database is the one the server uses: DATABASE_MIGRATION_URL or DATABASE_URL for PostgreSQL
(the server may keep running), else the embedded database under DATA_DIR (stop the server first).`;

/** plenary-backup-20250314T093000Z.ndjson.gz: sorts by time, and has no characters that file systems refuse. */
function defaultFileName(now: Date): string {
  return `plenary-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}${BACKUP_EXTENSION}`;
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(
    process.argv.slice(2),
    { out: { type: 'string', short: 'o' }, 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const choice = configuredDatabase(values['database-url']);
  const out = userPath(values.out ?? defaultFileName(new Date()));
  // Checked again when the file is created; this only saves opening the database for nothing.
  if (existsSync(out)) throw new BackupError(`${out} exists already; a backup never overwrites a file. Choose another name with --out.`);

  const connection = await openChosen(choice, false);
  const aborted = new AbortController();
  const interrupt = () => aborted.abort();
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  try {
    console.log(`Backing up ${connection.engine === 'pglite' ? 'the embedded database in' : 'the PostgreSQL database'} ${connection.label}`);
    let tables = 0;
    let rows = 0;
    const lines = exportDatabase(connection, {
      onHeader: (header) => console.log(`Migration level ${header.migrations.count}; ${counted(header.tables.length, 'table')}, in restore order:`),
      onSkipped: (table) => console.log(`  (left out: ${table}, not one of Plenary's tables)`),
      onTable: (table, count) => {
        tables++;
        rows += count;
        console.log(tableLine(table, count));
      },
    });
    const bytes = await writeBackupFile(out, lines, aborted.signal);
    console.log(`\nBackup written: ${out}\n  ${formatBytes(bytes)}; ${counted(tables, 'table')}, ${counted(rows, 'row')}.`);
    console.log(`Restore it with: npm run db:restore -- ${out}`);
    return 0;
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
    await connection.close();
  }
}

runCommand(USAGE, main);
