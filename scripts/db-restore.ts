/**
 * `npm run db:restore -- FILE [--database-url URL]`
 *
 * Restores a backup written by `npm run db:backup` into the database the
 * configuration names (DATABASE_MIGRATION_URL or DATABASE_URL for
 * PostgreSQL, else the embedded database under DATA_DIR, with the server
 * stopped). First reads the whole file to check it is complete, so that a
 * damaged file changes nothing; then imports it in one transaction into the
 * database, which must be empty once migrated (see
 * server/db/backup/import-database.ts); then verifies every proposal's ledger.
 * Exit status: 0 restored, 1 refused or failed (rolled back), 2 bad usage.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError, UsageError } from '../server/db/backup/backup-error';
import { readBackupFile } from '../server/db/backup/backup-file';
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
import { importDatabase } from '../server/db/backup/import-database';
import { readBackup } from '../server/db/backup/read-backup';
import { hasEmbeddedDatabase } from '../server/db/backup/sql-connection';
import { describeBroken, verifyAllLedgers } from '../server/db/backup/verify-ledgers';

const USAGE = `Usage: npm run db:restore -- FILE [--database-url postgres://USER:PASSWORD@HOST:5432/DATABASE]

Restores a backup made by npm run db:backup into the database the server uses:
DATABASE_MIGRATION_URL or DATABASE_URL for PostgreSQL (an empty, newly created database),
else the embedded database under DATA_DIR (an empty or new folder; stop the server first).
--database-url names a PostgreSQL database instead, as a role that may own its tables.`;

/** Reads the whole file once: complete and well formed, or a BackupError before anything is touched. */
async function checkFile(path: string): Promise<{ tables: number; rows: number }> {
  let tables = 0;
  let rows = 0;
  for await (const event of readBackup(readBackupFile(path), path)) {
    if (event.kind === 'header') {
      const { createdAt, source, migrations } = event.header;
      console.log(`Backup of ${createdAt}, from ${source.engine} (PostgreSQL ${source.serverVersion}), migration level ${migrations.count}.`);
    } else if (event.kind === 'table-end') {
      tables++;
      rows += event.rows;
    }
  }
  return { tables, rows };
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'Which backup file? Give its path.' : 'Give one backup file.');
  const file = userPath(positionals[0]);
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}. Give the path of a backup file (plenary-backup-….ndjson.gz).`);
  const choice = configuredDatabase(values['database-url']);

  console.log(`Checking ${file} (${formatBytes(statSync(file).size)}) ...`);
  const checked = await checkFile(file);
  console.log(`  complete: ${counted(checked.tables, 'table')}, ${counted(checked.rows, 'row')}.`);

  // A restore that fails into a new embedded database leaves no half-made database behind.
  const createdHere = choice.engine === 'pglite' && !hasEmbeddedDatabase(choice.dataDir);
  const connection = await openChosen(choice, true);
  let restored = false;
  try {
    console.log(`Restoring into ${connection.engine === 'pglite' ? 'the embedded database in' : 'the PostgreSQL database'} ${connection.label}`);
    const summary = await importDatabase(connection, readBackupFile(file), file, {
      onMigrated: (from, to) => console.log(`  migrations ${from} → ${to} applied`),
      onTable: (table, rows) => console.log(tableLine(table, rows)),
    }).catch((error: unknown) => {
      if (!(error instanceof BackupError)) throw error;
      throw new BackupError(`${error.message}\nNothing was restored: the database holds none of the backup's rows.`, { cause: error });
    });
    restored = true;
    console.log(`\nRestored ${counted(summary.tables.length, 'table')}, ${counted(summary.totalRows, 'row')}; the database is at migration level ${summary.migrations}.`);

    const ledgers = await verifyAllLedgers(connection);
    if (ledgers.broken.length > 0) {
      console.error(
        [
          `Ledgers: ${ledgers.broken.length} of ${counted(ledgers.proposals, 'proposal')} do not verify:`,
          ...describeBroken(ledgers),
          'The rows are restored as the backup holds them: the database the backup was made from was already like this,',
          'or the file was altered. Compare with npm run ledger:verify on the original, and keep the backup file.',
        ].join('\n'),
      );
      return 1;
    }
    console.log(`Ledgers: ${counted(ledgers.proposals, 'proposal')}, ${counted(ledgers.entries, 'entry', 'entries')}: every chain verifies.`);
    console.log(
      '\nNext: start the server (npm start). Its sessions keep working only with the same session secret:\n' +
        'copy auth-secret from the old DATA_DIR, or set AUTH_SECRET as before; otherwise everyone signs in again.',
    );
    return 0;
  } finally {
    await connection.close();
    if (!restored && createdHere && choice.engine === 'pglite') rmSync(join(choice.dataDir, 'pglite'), { recursive: true, force: true });
  }
}

runCommand(USAGE, main);
