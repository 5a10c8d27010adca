import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What a package's manifest says, and where the package is installed. */
export interface PackageInfo {
  name: string;
  version: string;
  /** Real path of the package folder. */
  dir: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  engines: Record<string, string>;
}

/**
 * Finds `name` where Node would look for it from `fromFile` (a file path):
 * the first `node_modules/<name>` in that file's folder or one of its parents.
 * Works even when the package's `exports` hide its package.json or its root.
 */
export function packageInfo(name: string, fromFile: string): PackageInfo {
  let dir = dirname(realpathSync(fromFile));
  for (;;) {
    const manifestPath = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<PackageInfo>;
      return {
        name,
        version: manifest.version ?? '?',
        dir: realpathSync(dirname(manifestPath)),
        dependencies: manifest.dependencies ?? {},
        peerDependencies: manifest.peerDependencies ?? {},
        optionalDependencies: manifest.optionalDependencies ?? {},
        engines: manifest.engines ?? {},
      };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${name} is not installed where ${fromFile} would find it`);
    dir = parent;
  }
}
