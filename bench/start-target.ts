import { startPlenaryTarget } from './plenary-target';
import { startReferenceTarget } from './reference-target';
import type { BenchTarget, ServerKind, TargetOptions } from './target';

/** Starts the server `kind` in its own child process and returns it ready for clients. */
export function startTarget(kind: ServerKind, options: TargetOptions): Promise<BenchTarget> {
  return kind === 'plenary' ? startPlenaryTarget(options) : startReferenceTarget(kind, options);
}
