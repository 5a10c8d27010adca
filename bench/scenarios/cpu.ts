import { cpuMicrosBetween, cpuSnapshot, rssBytes } from '../proc-stats';
import { OPEN_CONCURRENCY, type Scenario } from '../scenario';
import { sleep } from '../timing';
import type { EditParams } from '../worker-protocol';

const WRITERS = 10;
const clientsFor = (quick: boolean) => (quick ? 20 : 200);
const durationMs = (quick: boolean) => (quick ? 3_000 : 10_000);
const DRAIN_MS = 5_000;
const IDLE_MS = 2_000;

/**
 * Server CPU per delivered edit: one room of 200 clients, 10 writers, first
 * open loop (10 edits/s each, 10 s), then closed loop (each writer's next edit
 * as soon as its previous one reached its echo client, 10 s). CPU is the
 * server's utime+stime over the phase (edits plus drain) divided by the edits
 * the receivers applied.
 */
export const cpuScenario: Scenario = {
  name: 'cpu',
  title: 'Server CPU per delivered edit',
  method: (quick) =>
    `One room, ${clientsFor(quick)} clients, ${WRITERS} writers. Open loop: ${WRITERS} edits/s per writer for ${durationMs(quick) / 1000} s. ` +
    `Closed loop: writer w (clients 0-${WRITERS - 1}) makes its next edit as soon as client ${WRITERS}+w (a non-writer) has applied ` +
    `its previous one, for ${durationMs(quick) / 1000} s. Server CPU = utime+stime from /proc over the phase (edits + drain), ` +
    `divided by deliveries (edits × receivers actually applied). Idle: server CPU over ${IDLE_MS / 1000} s with the clients connected and nobody editing. Client CPU: the one client process, in % of one core.`,
  metrics: () => [
    { id: 'open-us', label: 'open loop: server CPU µs per delivered edit', better: 'lower', digits: 2 },
    { id: 'closed-us', label: 'closed loop: server CPU µs per delivered edit', better: 'lower', digits: 2 },
    { id: 'closed-rate', label: 'closed loop: edits/s (all writers)', better: 'higher', digits: 0 },
    { id: 'closed-p50', label: 'closed loop: p50 latency (ms)', better: 'lower', digits: 1 },
    { id: 'open-server-cpu', label: 'open loop: server CPU (% of a core)', better: 'lower', digits: 0 },
    { id: 'closed-server-cpu', label: 'closed loop: server CPU (% of a core)', better: 'lower', digits: 0 },
    { id: 'closed-client-cpu', label: 'closed loop: client process CPU (% of a core)', better: 'lower', digits: 0 },
    { id: 'idle-server-cpu', label: 'idle, clients connected: server CPU (% of a core)', better: 'lower', digits: 1 },
    { id: 'rss-mb', label: 'server RSS with the clients connected, after a full GC (MB)', better: 'lower', digits: 0 },
  ],
  async run({ target, worker, quick, cpuNow, log }) {
    const n = clientsFor(quick);
    const notes: string[] = [];
    const metrics: Record<string, number> = {};
    const [room] = await target.createRooms(1);
    await worker.call(
      'open',
      { protocol: target.protocol, rooms: Array.from({ length: n }, () => room), concurrency: OPEN_CONCURRENCY, timeoutMs: 120_000 },
      150_000,
    );
    await sleep(1_000);
    await target.collectGarbage();
    metrics['rss-mb'] = rssBytes(target.serverPid()) / 2 ** 20;
    const idleBefore = cpuNow();
    await sleep(IDLE_MS);
    metrics['idle-server-cpu'] = (cpuMicrosBetween(idleBefore, cpuNow()) / 1000 / IDLE_MS) * 100;
    for (const mode of ['open', 'closed'] as const) {
      const params: EditParams = { writers: WRITERS, mode, ratePerWriter: 10, durationMs: durationMs(quick), drainMs: DRAIN_MS };
      const before = cpuNow();
      const clientBefore = cpuSnapshot([worker.pid]);
      const started = performance.now();
      const result = await worker.call('edits', params, durationMs(quick) + DRAIN_MS + 30_000);
      const wallMs = performance.now() - started;
      const serverMicros = cpuMicrosBetween(before, cpuNow());
      const clientMicros = cpuMicrosBetween(clientBefore, cpuSnapshot([worker.pid]));
      metrics[`${mode}-us`] = serverMicros / result.delivered;
      metrics[`${mode}-server-cpu`] = (serverMicros / 1000 / wallMs) * 100;
      if (mode === 'closed') {
        metrics['closed-rate'] = result.edits / (result.writeMs / 1000);
        metrics['closed-p50'] = result.latency.p50;
        metrics['closed-client-cpu'] = (clientMicros / 1000 / wallMs) * 100;
      }
      log(
        `  ${mode} loop: ${result.edits} edits, ${result.delivered}/${result.expected} delivered, server ${(serverMicros / 1000).toFixed(0)} ms CPU ` +
          `= ${(serverMicros / result.delivered).toFixed(2)} µs/delivery, client ${(clientMicros / 1000).toFixed(0)} ms CPU over ${wallMs.toFixed(0)} ms`,
      );
      if (result.delivered < result.expected) notes.push(`${mode} loop: ${result.expected - result.delivered} of ${result.expected} deliveries missing`);
      await sleep(500);
    }
    await worker.call('close', {}, 30_000);
    return { metrics, notes };
  },
};
