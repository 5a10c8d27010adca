/**
 * `npm run test:multi-node`: two server processes on the PostgreSQL server of
 * TEST_DATABASE_URL and a redis-server of the suite's own (REDIS_SERVER, or
 * `redis-server` on the PATH), which it stops and starts again.
 */
import { spawnSync } from 'node:child_process';
import { ensureBuild, ROOT } from './ensure-build';
import { packageBin } from './package-bin';

if (!process.env.TEST_DATABASE_URL) {
  console.error('Set TEST_DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres).');
  process.exit(1);
}
const redis = process.env.REDIS_SERVER ?? 'redis-server';
if (spawnSync(redis, ['--version']).status !== 0) {
  console.error(`Cannot run ${redis}: install Redis (Debian: apt-get install -y redis-server) or set REDIS_SERVER to its path.`);
  process.exit(1);
}
ensureBuild();
const result = spawnSync(process.execPath, [packageBin('vitest'), 'run', '--project', 'multi-node'], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
