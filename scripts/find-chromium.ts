import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Debian's and other distributions' usual places for Chromium. */
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium the browser tests drive: `PLENARY_CHROMIUM` (or `CHROME_PATH`)
 * when set, else Playwright's own downloaded browser, else the system's.
 * Returns undefined when none is found.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.PLENARY_CHROMIUM || env.CHROME_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // No Playwright browser downloaded: fall through to the system's.
  }
  return SYSTEM_PATHS.find((path) => existsSync(path));
}
