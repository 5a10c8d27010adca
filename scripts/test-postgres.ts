/** `npm run test:postgres`: the integration suite against the PostgreSQL server named by TEST_DATABASE_URL. */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { ensureBuild, ROOT } from './ensure-build';
import { packageBin } from './package-bin';

if (!process.env.TEST_DATABASE_URL) {
  console.error('Set TEST_DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres).');
  process.exit(1);
}
// Each test file creates a database and, once per cluster, the roles plenary_app and
// plenary_server_test (the servers' login role): say so now rather than in every file.
const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
try {
  await admin.connect();
  const { rows } = await admin.query<{ superuser: boolean }>('select rolsuper as superuser from pg_roles where rolname = session_user');
  if (!rows[0]?.superuser) {
    console.error("TEST_DATABASE_URL's user must be a superuser: the tests create databases and the roles the servers log in as.");
    process.exit(1);
  }
} catch (error) {
  console.error(`Cannot reach TEST_DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
} finally {
  await admin.end().catch(() => undefined);
}
ensureBuild();
const vitest = packageBin('vitest');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'integration'], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
