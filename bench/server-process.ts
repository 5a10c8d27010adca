import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { trackChild } from './children';
import { rssBytes } from './proc-stats';
import { sleep, withTimeout } from './timing';

/** Node flags for every server under test: a full collection on SIGUSR2 (see servers/gc-on-signal.ts), then tsx for TypeScript. */
export function serverNodeFlags(root: string): string[] {
  return ['--expose-gc', '--import', 'tsx', '--import', `${root}/bench/servers/gc-on-signal.ts`];
}

/** How to start a server under test. */
export interface ServerCommand {
  /** Name used in messages. */
  name: string;
  /** Arguments to `node` (the script and its flags). */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A line of standard output that says the server listens. */
  ready: RegExp;
  /** File that receives the server's standard output and error. */
  logFile: string;
  startTimeoutMs?: number;
}

/** A server child process that said it is ready. */
export interface ServerProcess {
  readonly pid: number;
  /** Milliseconds from spawn to the ready line. */
  readonly startMs: number;
  /** Lines of output that mention errors, warnings or a second copy of Yjs. */
  readonly notable: string[];
  /** Asks for full garbage collections (SIGUSR2 to the gc-on-signal preload) every 1.5 s until RSS holds still for two rounds (at most 12 s). */
  collectGarbage(): Promise<void>;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`); returns the exit code and time taken. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: string | null; ms: number }>;
}

const NOTABLE = /error|warn|exception|unhandled|Yjs was already imported|refus|fail/i;

function logStream(path: string): WriteStream {
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { flags: 'a' });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spawns `node <args>` in its own process group, copies its output to a log
 * file, and resolves once it prints its ready line. Rejects (after killing
 * it) if it exits or stays silent past the start timeout.
 */
export async function startServerProcess(command: ServerCommand): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  trackChild(child);
  const log = logStream(command.logFile);
  log.write(`--- ${new Date().toISOString()} start ${command.name}: node ${command.args.join(' ')}\n`);
  const notable: string[] = [];
  let tail = '';
  let onLine: (line: string) => void = () => undefined;
  const readLines = (stream: NodeJS.ReadableStream, label: string) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      log.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        tail = `${tail}\n${label}${line}`.slice(-4000);
        if (NOTABLE.test(line) && notable.length < 200) notable.push(`${label}${line.slice(0, 300)}`);
        onLine(line);
      }
    });
  };
  readLines(child.stdout!, '');
  readLines(child.stderr!, '[stderr] ');

  const exited = waitForExit(child);
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        onLine = (line) => {
          if (command.ready.test(line)) resolve();
        };
        void exited.then(() => reject(new Error(`${command.name} exited before it was ready (code ${child.exitCode}):${tail}`)));
        child.once('error', reject);
      }),
      command.startTimeoutMs ?? 90_000,
      `${command.name} start`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    log.end();
    throw error;
  }
  onLine = () => undefined;
  const startMs = performance.now() - started;

  return {
    pid: child.pid!,
    startMs,
    notable,
    async collectGarbage() {
      // Memory comes back in steps over several collections and seconds (finalizers, lazy unmapping):
      // repeat every 1.5 s until RSS has held still (within 2 MB) for two rounds, at most eight rounds.
      let previous = rssBytes(child.pid!);
      let still = 0;
      for (let round = 0; round < 8 && still < 2; round++) {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGUSR2');
        await sleep(1_500);
        const now = rssBytes(child.pid!);
        still = Math.abs(now - previous) < 2 * 2 ** 20 ? still + 1 : 0;
        previous = now;
      }
    },
    async stop(graceMs = 15_000) {
      const stopping = performance.now();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          notable.push(`did not exit within ${graceMs} ms of SIGTERM: killed`);
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Anything else left in its group (there should be nothing).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is empty.
      }
      log.write(`--- exit code ${child.exitCode} signal ${child.signalCode}\n`);
      log.end();
      return { code: child.exitCode, signal: child.signalCode, ms: performance.now() - stopping };
    },
  };
}
