/** `npm run test:postgres`: the integration suite against the PostgreSQL server named by TEST_DATABASE_URL. */
import { spawnSync } from 'node:child_process';
import { ensureBuild, ROOT } from './ensure-build';
import { packageBin } from './package-bin';

if (!process.env.TEST_DATABASE_URL) {
  console.error('Set TEST_DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres).');
  process.exit(1);
}
ensureBuild();
const vitest = packageBin('vitest');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'integration'], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
