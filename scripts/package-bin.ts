import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The path of an installed package's command-line script, from its package.json "bin". */
export function packageBin(packageName: string, binName = packageName.split('/').pop()!): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  if (!bin) throw new Error(`${packageName} has no command named ${binName}`);
  return join(dirname(manifestPath), bin);
}
