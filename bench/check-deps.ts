import { join } from 'node:path';
import { packageInfo, type PackageInfo } from './package-info';

/** Versions the comparison was set up for. */
const EXPECTED = { '@y/websocket-server': '0.1.1' } as const;

/** The packages whose Yjs must be the project's single copy. */
const YJS_USERS = ['y-websocket', 'y-protocols', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/provider'];

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  // Missing parts count as 0 (">=22" means ">=22.0.0").
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether `version` satisfies `range`, for the forms these manifests use:
 * `^x.y.z`, `>=x.y.z`, `x.y.z`, joined by `||`. Undefined for other forms.
 */
export function satisfies(version: string, range: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  let known = true;
  for (const part of range.split('||').map((p) => p.trim())) {
    const caret = /^\^(.*)$/.exec(part);
    const atLeast = /^>=\s*(.*)$/.exec(part);
    const base = parseVersion(caret?.[1] ?? atLeast?.[1] ?? part);
    if (!base) {
      known = false;
      continue;
    }
    if (caret && compare(v, base) >= 0 && (base[0] > 0 ? v[0] === base[0] : v[0] === 0 && v[1] === base[1])) return true;
    if (atLeast && compare(v, base) >= 0) return true;
    if (!caret && !atLeast && compare(v, base) === 0) return true;
  }
  return known ? false : undefined;
}

/**
 * Checks that the reference servers are the versions the bench was written
 * for, that their peer dependencies and engines accept what is installed,
 * and that every Yjs user resolves the one Yjs copy. Returns the versions;
 * throws with every problem found, so that a broken setup is never measured.
 */
export function checkDependencies(): Record<string, string> {
  const here = import.meta.filename;
  const problems: string[] = [];
  const yjs = packageInfo('yjs', here);
  const versions: Record<string, string> = { yjs: yjs.version, node: process.versions.node };
  if (parseVersion(yjs.version)?.[0] !== 13) problems.push(`yjs ${yjs.version} is installed; the bench expects 13.6.x`);
  const nodeVersion = process.versions.node;

  for (const name of YJS_USERS) {
    let info: PackageInfo;
    try {
      info = packageInfo(name, here);
    } catch (error) {
      problems.push(`${name} is not installed (${(error as Error).message}); run npm install`);
      continue;
    }
    versions[name] = info.version;
    const expected = EXPECTED[name as keyof typeof EXPECTED];
    if (expected && info.version !== expected) problems.push(`${name} ${info.version} is installed; the bench needs exactly ${expected}`);
    const from = join(info.dir, 'package.json');
    const theirYjs = packageInfo('yjs', from);
    if (theirYjs.dir !== yjs.dir) problems.push(`${name} resolves a second Yjs copy: ${theirYjs.dir} (${theirYjs.version}) besides ${yjs.dir}`);
    const range = info.peerDependencies.yjs ?? info.dependencies.yjs;
    if (range && satisfies(yjs.version, range) === false) problems.push(`${name} wants yjs ${range}; ${yjs.version} is installed`);
    const engine = info.engines.node;
    if (engine && satisfies(nodeVersion, engine) === false) problems.push(`${name} needs Node ${engine}; this is ${nodeVersion}`);
  }
  if (problems.length) {
    throw new Error(`The reference setup is broken; not measuring it:\n  - ${problems.join('\n  - ')}`);
  }
  return versions;
}

/** The text Yjs prints when a second copy is loaded into a process. */
export const SECOND_YJS_WARNING = 'Yjs was already imported';
