/**
 * What the three commands (scripts/db-backup.ts, db-restore.ts,
 * db-move-to-postgres.ts) share: argument parsing with clear refusals, which
 * database the configuration names, paths as the operator typed them, and the
 * exit statuses (0 done, 1 failed, 2 bad usage).
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from '../../config';
import { BackupError, UsageError } from './backup-error';
import { connectPostgres, describeUrl, openEmbedded, type SqlConnection } from './sql-connection';

/** The database a command works on. */
export type DatabaseChoice = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };

/** Parses `argv` with node:util's parseArgs (strict: unknown options are refused), turning its errors into usage errors. */
export function parseCommandLine<T extends ParseArgsConfig['options']>(argv: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Whether `value` is a PostgreSQL connection URL. */
export function isPostgresUrl(value: string): boolean {
  try {
    return /^postgres(ql)?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * A path as the operator meant it. `npm run` starts scripts in the project's
 * folder; the folder the command was typed in is INIT_CWD, so relative paths
 * are taken from there when npm ran the script.
 */
export function userPath(path: string): string {
  const typedIn = process.env.npm_lifecycle_event?.startsWith('db:') ? process.env.INIT_CWD : undefined;
  return resolve(typedIn ?? process.cwd(), path);
}

/**
 * The database the configuration names, as the server would choose it:
 * `--database-url` when given, else PostgreSQL through DATABASE_MIGRATION_URL
 * (the tables' owner) or DATABASE_URL, else the embedded database under
 * DATA_DIR (relative to the folder the server starts in, as for the server).
 */
export function configuredDatabase(databaseUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): DatabaseChoice {
  if (databaseUrl !== undefined) {
    if (!isPostgresUrl(databaseUrl)) throw new UsageError(`--database-url must be a postgres:// URL, not ${describeUrl(databaseUrl)}.`);
    return { engine: 'postgres', url: databaseUrl };
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`${error.message}\nFix these environment variables (the same the server reads), then run the command again.`);
    throw error;
  }
  if (config.databaseUrl) return { engine: 'postgres', url: config.databaseMigrationUrl ?? config.databaseUrl };
  return { engine: 'pglite', dataDir: resolve(config.dataDir) };
}

/** The embedded database's folder the configuration names (DATA_DIR, default ./data), whatever DATABASE_URL says. */
export function configuredDataDir(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return resolve(loadConfig({ ...env, DATABASE_URL: undefined, DATABASE_MIGRATION_URL: undefined, REDIS_URL: undefined }).dataDir);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`${error.message}\nFix these environment variables, then run the command again.`);
    throw error;
  }
}

/** Opens the chosen database as the tables' owner (`create`: an embedded database may be made, for a restore). */
export function openChosen(choice: DatabaseChoice, create: boolean): Promise<SqlConnection> {
  return choice.engine === 'postgres' ? connectPostgres(choice.url) : openEmbedded(choice.dataDir, { create });
}

/** A size for people: 1.2 MB. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** `count` and its noun, plural unless one: "1 row", "30 tables". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** One progress line of a table: name and rows, aligned. */
export function tableLine(table: string, rows: number): string {
  return `  ${table.padEnd(26)} ${counted(rows, 'row').padStart(14)}`;
}

/**
 * Runs a command's `main` and exits with its status: 0 or what it returns; 2
 * for a {@link UsageError} (printed with `usage`); 1 for anything else, with
 * the error's message (a {@link BackupError} says what to do; anything else
 * is unexpected and printed whole).
 */
export function runCommand(usage: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${usage}`);
        process.exit(2);
      }
      if (error instanceof BackupError) console.error(`\nError: ${error.message}`);
      else console.error('\nUnexpected error:', error);
      process.exit(1);
    },
  );
}
