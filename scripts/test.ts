/**
 * `npm test`: unit and integration tests (vitest, real server on port 0, real
 * PGlite), then the browser tests (Playwright, real Chromium) against one
 * production build, made here if missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { ensureBuild, ROOT } from './ensure-build';
import { ensureChromium } from './ensure-chromium';
import { packageBin } from './package-bin';

process.env.NEXT_TELEMETRY_DISABLED = '1';

function run(label: string, bin: string, args: string[]): boolean {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

const chromium = ensureChromium();
if (!chromium) process.exit(1);
process.env.PLENARY_CHROMIUM = chromium;
ensureBuild();

const vitest = packageBin('vitest');
const playwright = packageBin('@playwright/test', 'playwright');
const results = {
  'unit and integration (vitest)': run('unit and integration tests', vitest, ['run', '--project', 'unit', '--project', 'integration']),
  'browser (Playwright)': run('browser tests', playwright, ['test']),
};

const failed = Object.entries(results).filter(([, ok]) => !ok);
console.log(`\nsuites: ${Object.keys(results).length - failed.length} passed, ${failed.length} failed`);
for (const [name] of failed) console.log(`  failed: ${name}`);
process.exit(failed.length === 0 ? 0 : 1);
