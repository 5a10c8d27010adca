import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageBin } from './package-bin';

/** The project root. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** What the production build is made from: a change to any of these calls for a new build. */
const SOURCES = ['app', 'core', 'server', 'i18n', 'messages', 'next.config.js', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** The folder of the production build (NEXT_DIST_DIR, else .next). */
export function buildDir(): string {
  return join(ROOT, process.env.NEXT_DIST_DIR || '.next');
}

/** Whether the production build is missing or older than its sources. */
export function buildIsStale(): boolean {
  const buildId = join(buildDir(), 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestChange(join(ROOT, source)) > builtAt);
}

/** Makes the production build when it is missing or stale; exits the process if the build fails. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  console.log('Building Plenary (production build, once per change; about a minute on 2 cores)...');
  const nextBin = packageBin('next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
