import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

/** A redis-server of the test's own, which the test may stop and start again on the same port. */
export interface TestRedis {
  url: string;
  port: number;
  /** Ends the server (SIGKILL: a crash, nothing flushed) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, and waits until it answers. */
  start(): Promise<void>;
}

/** Whether a Redis on 127.0.0.1:`port` answers PING (within half a second). */
export async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(500, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => undefined);
  });
}

/**
 * Runs `redis-server` (the Debian package's, or REDIS_SERVER's) on `port`
 * with persistence off: a restart loses every subscription and message, as a
 * real Redis crash would.
 */
export async function startTestRedis(port: number): Promise<TestRedis> {
  const binary = process.env.REDIS_SERVER ?? 'redis-server';
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const spawnFailed = new Promise<never>((_, reject) => child!.once('error', (error) => reject(new Error(`cannot run ${binary}: ${error.message}`))));
    const deadline = Date.now() + 10_000;
    const ready = (async () => {
      while (!(await answersPing(port))) {
        if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await Promise.race([ready, spawnFailed]);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
