import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { answersPing } from '../tests/support/redis-server';
import { trackChild } from './children';
import { freePort } from './free-port';
import { sleep, withTimeout } from './timing';

const INSTALL_HINT = 'install redis-server (Debian: apt-get install -y redis-server), or set REDIS_SERVER to its path';

/** The redis-server binary: REDIS_SERVER, else `redis-server` on the PATH. */
export function redisBinary(): string {
  return process.env.REDIS_SERVER || 'redis-server';
}

/** The version of the redis-server binary (e.g. `7.0.15`); throws with an install hint when it cannot be run. */
export function redisVersion(): string {
  let output: string;
  try {
    output = execFileSync(redisBinary(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`--nodes needs Redis, but ${redisBinary()} cannot be run (${(error as Error).message.split('\n')[0]}): ${INSTALL_HINT}`);
  }
  return /v=(\S+)/.exec(output)?.[1] ?? output.trim();
}

/** A redis-server of the bench's own. */
export interface RedisProcess {
  readonly url: string;
  readonly pid: number;
  /** Ends it (SIGTERM, SIGKILL after 5 s) and waits for the exit. */
  stop(): Promise<void>;
}


/**
 * Starts `redis-server --port P --bind 127.0.0.1 --save '' --appendonly no` on
 * a free port (nothing persisted), in its own process group, its output in
 * `logFile`; resolves once it answers PING.
 */
export async function startRedis(logFile: string): Promise<RedisProcess> {
  const port = await freePort();
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  log.write(`--- ${new Date().toISOString()} start ${redisBinary()} ${args.join(' ')}\n`);
  const child = spawn(redisBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  trackChild(child);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let waiting = true;
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        child.once('error', (error) => reject(new Error(`cannot run ${redisBinary()}: ${error.message}; ${INSTALL_HINT}`)));
        void exited.then(() => reject(new Error(`redis-server exited at start (code ${child.exitCode}); see ${logFile}`)));
        void (async () => {
          while (waiting && !(await answersPing(port))) await sleep(50);
          resolve();
        })();
      }),
      10_000,
      `redis-server on port ${port}`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    waiting = false;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await withTimeout(exited, 5_000, 'redis-server stop').catch(() => child.kill('SIGKILL'));
        await exited;
      }
      log.end(`--- exit code ${child.exitCode} signal ${child.signalCode}\n`);
    },
  };
}
