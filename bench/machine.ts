import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { ROOT } from '../scripts/ensure-build';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** One line naming the machine, Node, the date and the commit measured. */
export function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const dirty = git(['status', '--porcelain', '--', 'server', 'core', 'app']) ? ' (server/core/app with uncommitted changes)' : '';
  return (
    `${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, ` +
    `Node ${process.versions.node}; ${new Date().toISOString()}; commit ${git(['rev-parse', '--short', 'HEAD']) || '?'}${dirty}`
  );
}

/** The 1, 5 and 15 minute load averages (runnable processes; above the core count means contention). */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}
