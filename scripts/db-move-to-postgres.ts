/**
 * `npm run db:move-to-postgres -- --to postgres://OWNER:PASSWORD@HOST:5432/DATABASE`
 *
 * Copies the embedded database under DATA_DIR (the server stopped) into a
 * PostgreSQL database, streaming from one to the other without a file: the
 * same export and import as `db:backup` and `db:restore`. The target is
 * migrated and must be empty; `--to` names a role that may own the tables
 * (it becomes DATABASE_MIGRATION_URL). Then every proposal's ledger is
 * verified in PostgreSQL, and the command prints what to configure next. The
 * embedded database is only read. Exit status: 0 moved and verified, 1 refused,
 * failed (nothing imported) or a ledger that does not verify, 2 bad usage.
 */
import { BackupError, UsageError } from '../server/db/backup/backup-error';
import { configuredDataDir, counted, isPostgresUrl, parseCommandLine, runCommand, tableLine } from '../server/db/backup/command-line';
import { exportDatabase } from '../server/db/backup/export-database';
import { importDatabase } from '../server/db/backup/import-database';
import { connectPostgres, describeUrl, openEmbedded, type SqlConnection } from '../server/db/backup/sql-connection';
import { describeBroken, verifyAllLedgers } from '../server/db/backup/verify-ledgers';

const USAGE = `Usage: npm run db:move-to-postgres -- --to postgres://OWNER:PASSWORD@HOST:5432/DATABASE

Copies the embedded database under DATA_DIR (stop the server first) into an empty PostgreSQL
database, which is migrated first. OWNER is the role that will own Plenary's tables (later your
DATABASE_MIGRATION_URL). The embedded database is left as it is.`;

/** `url` with another user and a placeholder password: what to put in the configuration. */
function withUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = 'PASSWORD';
  return parsed.toString();
}

/** What to do after a successful move. */
function nextSteps(to: string, dataDir: string): string {
  const owner = new URL(to).username || 'postgres';
  return [
    '',
    'Next steps:',
    '  1. Once, as a superuser or a role with CREATEROLE, create the login role the server will use: a member of',
    "     plenary_app and nothing more, so that no SQL on the server's connections can rewrite the record:",
    "       CREATE ROLE plenary_server LOGIN PASSWORD 'choose-a-password' IN ROLE plenary_app;",
    '  2. Configure the server (the environment it starts with):',
    `       DATABASE_URL=${withUser(to, 'plenary_server')}`,
    `       DATABASE_MIGRATION_URL=${withUser(to, owner)}   (the --to role: it owns the tables)`,
    `     Keep DATA_DIR=${dataDir}: it holds auth-secret, which keeps everyone signed in (or set AUTH_SECRET to its content).`,
    '  3. Start the server (npm start) and look at a proposal; npm run ledger:verify -- <proposalId> checks its ledger.',
    `  4. Keep ${dataDir}/pglite until you are satisfied; with DATABASE_URL set the server no longer reads it.`,
    'See docs/backup-and-restore.md.',
  ].join('\n');
}

/** Verifies every ledger in the target; for a broken one, says whether the embedded database had it so already. */
async function reportLedgers(target: SqlConnection, source: SqlConnection): Promise<boolean> {
  const check = await verifyAllLedgers(target);
  if (check.broken.length === 0) {
    console.log(`Ledgers: ${counted(check.proposals, 'proposal')}, ${counted(check.entries, 'entry', 'entries')}: every chain verifies in PostgreSQL.`);
    return true;
  }
  const before = await verifyAllLedgers(source);
  const brokenBefore = new Set(before.broken.map((entry) => entry.proposalId));
  const allInherited = check.broken.every((entry) => brokenBefore.has(entry.proposalId));
  console.error(
    [
      `Ledgers: ${check.broken.length} of ${counted(check.proposals, 'proposal')} do not verify in PostgreSQL:`,
      ...describeBroken(check),
      allInherited
        ? 'They do not verify in the embedded database either: the move copied them as they are. Investigate before switching.'
        : 'The embedded database verifies where PostgreSQL does not: do not switch; report this as a bug, with the output above.',
    ].join('\n'),
  );
  return false;
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
  const to = values.to;
  if (!to) throw new UsageError('Where to? Give the PostgreSQL database with --to.');
  if (!isPostgresUrl(to)) throw new UsageError(`--to must be a postgres:// URL, not ${describeUrl(to)}.`);
  const dataDir = configuredDataDir();

  const source = await openEmbedded(dataDir, { create: false });
  try {
    const target = await connectPostgres(to);
    try {
      console.log(`Moving the embedded database in ${source.label}\n  into the PostgreSQL database ${target.label}`);
      const summary = await importDatabase(target, exportDatabase(source), `the embedded database in ${source.label}`, {
        onHeader: (header) => console.log(`Migration level ${header.migrations.count}; ${header.tables.length} tables:`),
        onMigrated: (from, to) => console.log(`  PostgreSQL: migrations ${from} → ${to} applied`),
        onTable: (table, rows) => console.log(tableLine(table, rows)),
      }).catch((error: unknown) => {
        if (!(error instanceof BackupError)) throw error;
        throw new BackupError(`${error.message}\nNothing was imported into PostgreSQL; the embedded database is unchanged.`, { cause: error });
      });
      console.log(`\nMoved ${counted(summary.tables.length, 'table')}, ${counted(summary.totalRows, 'row')}; PostgreSQL is at migration level ${summary.migrations}.`);
      const verified = await reportLedgers(target, source);
      console.log(`The embedded database in ${source.label} was only read; it is unchanged.`);
      if (!verified) return 1;
      console.log(nextSteps(to, source.label));
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

runCommand(USAGE, main);
