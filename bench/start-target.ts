import { startPlenaryClusterTarget } from './plenary-cluster-target';
import { startPlenaryTarget } from './plenary-target';
import { startReferenceTarget } from './reference-target';
import type { BenchTarget, ServerKind, TargetOptions } from './target';

/** Starts the server `kind` in its own child process(es) and returns it ready for clients. */
export function startTarget(kind: ServerKind, options: TargetOptions): Promise<BenchTarget> {
  if (kind === 'plenary') return startPlenaryTarget(options);
  if (kind === 'plenary-nodes') return startPlenaryClusterTarget(options);
  return startReferenceTarget(kind, options);
}
