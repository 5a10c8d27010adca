import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium';

/**
 * Finds the Chromium the browser tests drive. Where none exists and this runs
 * as root on Debian, installs Debian's `chromium` package; elsewhere returns
 * undefined, after printing the one-line instruction that fixes it.
 */
export function ensureChromium(): string | undefined {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('No Chromium found: installing Debian\'s "chromium" package for the browser tests...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (install.status === 0) return findChromium();
  }
  console.error(
    'No Chromium for the browser tests: install one (Debian: `sudo apt-get install chromium`) or set PLENARY_CHROMIUM to its path.',
  );
  return undefined;
}
