/**
 * The client process of the benchmark: every simulated collaborator lives
 * here, apart from the server under test, so that their CPU is not counted as
 * the server's. Driven by the orchestrator (bench/run.ts) over the IPC
 * channel of `fork`: one request at a time, answered with its result and the
 * connections the server closed since the previous answer.
 */
import { createBenchClient, type BenchClient } from './bench-client';
import { runEditPhase } from './edit-phase';
import { sleep, waitUntil, withTimeout } from './timing';
import {
  fillText,
  type FillParams,
  type LoadParams,
  type OpenParams,
  type WorkerMethods,
  type WorkerRequest,
  type WorkerResponse,
} from './worker-protocol';

// Every stock y-websocket provider adds a process 'exit' listener (to clear its awareness state): hundreds here.
process.setMaxListeners(0);

const clients: BenchClient[] = [];
let closes: Record<string, number> = {};
let phase = 0;

const recordClose = ({ code, reason }: { code: number; reason: string }) => {
  const key = `${code}${reason ? ` ${reason}` : ''}`;
  closes[key] = (closes[key] ?? 0) + 1;
};

async function open({ protocol, rooms, concurrency, timeoutMs }: OpenParams) {
  const started = performance.now();
  const deadline = started + timeoutMs;
  let next = 0;
  const lane = async () => {
    while (next < rooms.length) {
      const i = next++;
      const client = createBenchClient(protocol, rooms[i], recordClose);
      clients.push(client);
      await withTimeout(client.synced, Math.max(1, deadline - performance.now()), `client ${i + 1} of ${rooms.length} to sync`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rooms.length) }, lane));
  return { ms: performance.now() - started, clients: clients.length };
}

async function fill({ writer, watcher, count, timeoutMs }: FillParams) {
  const text = clients[writer].doc.getText('bench');
  const watched = clients[watcher].doc.getText('bench');
  const chars = fillText(count);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    text.insert(i, chars[i]); // one transaction, so one update message, per character
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!(await waitUntil(() => watched.length >= count, timeoutMs, 5))) {
    throw new Error(`the watching client holds ${watched.length} of ${count} characters after ${timeoutMs} ms`);
  }
  if (watched.toString() !== chars) throw new Error('the watching client holds different text than was written');
  return { ms: performance.now() - started };
}

async function load({ protocol, room, expectedLength, timeoutMs }: LoadParams) {
  const started = performance.now();
  const client = createBenchClient(protocol, room, recordClose);
  clients.push(client);
  const text = client.doc.getText('bench');
  let isSynced = false;
  let done!: () => void;
  const complete = new Promise<void>((resolve) => (done = resolve));
  const check = () => isSynced && text.length >= expectedLength && done();
  client.doc.on('update', check);
  void client.synced.then(() => {
    isSynced = true;
    check();
  });
  try {
    await withTimeout(complete, timeoutMs, `a fresh client to hold ${expectedLength} characters`);
  } catch (error) {
    throw new Error(`${(error as Error).message} (it holds ${text.length}, synced: ${isSynced})`);
  } finally {
    client.doc.off('update', check);
  }
  const ms = performance.now() - started;
  const expected = fillText(expectedLength);
  const actual = text.toString();
  if (actual !== expected) {
    throw new Error(`the loaded text differs from what was written: ${actual.length} characters instead of ${expected.length}`);
  }
  return { ms, length: actual.length };
}

async function close({ from = 0 }: { from?: number }) {
  const closing = clients.splice(from);
  for (const client of closing) client.destroy();
  await sleep(closing.length ? 200 : 0);
  return { closed: closing.length };
}

const methods: { [K in keyof WorkerMethods]: (params: WorkerMethods[K]['params']) => Promise<WorkerMethods[K]['result']> } = {
  open,
  edits: (params) => runEditPhase(clients, params, ++phase),
  fill,
  load,
  close,
};

process.on('message', async (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const handler = methods[request.method] as (params: unknown) => Promise<unknown>;
    const result = await handler(request.params);
    response = { id: request.id, ok: true, result, closes };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), closes };
  }
  closes = {};
  process.send!(response);
});

// Never outlive the orchestrator.
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
