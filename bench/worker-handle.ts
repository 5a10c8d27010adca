import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../scripts/ensure-build';
import { SECOND_YJS_WARNING } from './check-deps';
import { trackChild } from './children';
import { withTimeout } from './timing';
import type { WorkerMethods, WorkerRequest, WorkerResponse } from './worker-protocol';

/** The orchestrator's side of one client worker process. */
export class WorkerHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void }>();
  /** Connections the server closed or lost, by code and reason, over the worker's life. */
  readonly closes: Record<string, number> = {};
  private stderrTail = '';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: WorkerResponse | { ready: true }) => {
      if ('id' in message) {
        for (const [key, count] of Object.entries(message.closes)) this.closes[key] = (this.closes[key] ?? 0) + count;
        this.pending.get(message.id)?.resolve(message);
        this.pending.delete(message.id);
      }
    });
    child.once('exit', (code, signal) => {
      for (const { reject } of this.pending.values()) reject(new Error(`the client worker exited (code ${code}, signal ${signal}): ${this.stderrTail}`));
      this.pending.clear();
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      process.stderr.write(`[client worker] ${chunk}`);
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
  }

  /** The worker's process id (its CPU is the clients'). */
  get pid(): number {
    return this.child.pid!;
  }

  /** Forks bench/client-worker.ts and waits until it is ready. */
  static async start(): Promise<WorkerHandle> {
    const child = fork(join(ROOT, 'bench/client-worker.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    trackChild(child);
    const handle = new WorkerHandle(child);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`the client worker exited at start (code ${code}): ${handle.stderrTail}`)));
      }),
      60_000,
      'client worker start',
    );
    return handle;
  }

  /** Calls a worker method; rejects with the worker's error, on its exit, or after `timeoutMs`. */
  async call<M extends keyof WorkerMethods>(method: M, params: WorkerMethods[M]['params'], timeoutMs: number): Promise<WorkerMethods[M]['result']> {
    const id = this.nextId++;
    if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the client worker has exited: ${this.stderrTail}`);
    const answer = new Promise<WorkerResponse>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.child.send({ id, method, params } satisfies WorkerRequest);
    const response = await withTimeout(answer, timeoutMs, `client worker ${method}`).finally(() => this.pending.delete(id));
    if (this.stderrTail.includes(SECOND_YJS_WARNING)) throw new Error('the client process loaded two copies of Yjs; not measuring a broken setup');
    if (!response.ok) throw new Error(`client worker ${method}: ${response.error}`);
    return response.result as WorkerMethods[M]['result'];
  }

  /** Ends the worker (its clients' sockets close with it). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await withTimeout(exited, 5_000, 'client worker stop').catch(() => this.child.kill('SIGKILL'));
  }
}
