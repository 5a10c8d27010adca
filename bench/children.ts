import type { ChildProcess } from 'node:child_process';

/** Every child process the bench started and has not yet seen exit. */
const running = new Set<ChildProcess>();
let installed = false;

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Servers run in their own process group (detached): end the group, then the process itself.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Not a group leader (the client worker), or already gone.
  }
  try {
    child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Kills every child still running (synchronous, safe to call at exit). */
export function killAllChildren(): void {
  for (const child of running) killGroup(child);
  running.clear();
}

/**
 * Registers a child so that it is killed if the bench exits, fails or is
 * interrupted before stopping it; forgets it once it exits.
 */
export function trackChild(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (installed) return;
  installed = true;
  process.once('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the benchmark and its processes.`);
      killAllChildren();
      process.exit(130);
    });
  }
}
