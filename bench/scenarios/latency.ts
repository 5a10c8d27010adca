import { OPEN_CONCURRENCY, type MetricDef, type Scenario } from '../scenario';
import { sleep } from '../timing';

const WRITERS = 10;
const RATE = 10;
const sizes = (quick: boolean) => (quick ? [2, 20] : [2, 20, 100, 200]);
const durationMs = (quick: boolean) => (quick ? 3_000 : 10_000);
const DRAIN_MS = 5_000;
const SETTLE_MS = 1_500;

/**
 * Latency: one room, N clients; min(10, N) writers each edit the `bench` map
 * 10 times a second (open loop) for 10 s once everyone has synced; every other
 * client records the time from the writer's local edit to its own apply.
 */
export const latencyScenario: Scenario = {
  name: 'latency',
  title: 'Latency: writer\'s local edit → each receiver\'s apply (ms)',
  method: (quick) =>
    `One room; N clients (${sizes(quick).join(', ')}), all synced before writing; min(${WRITERS}, N) writers each set their key of a Y.Map ` +
    `${RATE} times a second on a fixed schedule (open loop) for ${durationMs(quick) / 1000} s; every other client records ` +
    `now − the timestamp in the edit when the change reaches its document (all clients in one process, one clock). Fresh room per N.`,
  metrics: (quick) =>
    sizes(quick).flatMap((n): MetricDef[] =>
      (['p50', 'p95', 'p99', 'max'] as const).map((q) => ({ id: `${q}@${n}`, label: `${q}, ${n} clients`, better: 'lower', digits: 1 })),
    ),
  async run({ target, worker, quick, log }) {
    const metrics: Record<string, number> = {};
    const notes: string[] = [];
    for (const n of sizes(quick)) {
      const [room] = await target.createRooms(1);
      const opened = await worker.call(
        'open',
        { protocol: target.protocol, rooms: Array.from({ length: n }, () => room), concurrency: OPEN_CONCURRENCY, timeoutMs: 120_000 },
        150_000,
      );
      await sleep(SETTLE_MS); // let the joining clients' awareness announcements pass
      const result = await worker.call(
        'edits',
        { writers: WRITERS, mode: 'open', ratePerWriter: RATE, durationMs: durationMs(quick), drainMs: DRAIN_MS },
        durationMs(quick) + DRAIN_MS + 30_000,
      );
      await worker.call('close', {}, 30_000);
      const { latency } = result;
      metrics[`p50@${n}`] = latency.p50;
      metrics[`p95@${n}`] = latency.p95;
      metrics[`p99@${n}`] = latency.p99;
      metrics[`max@${n}`] = latency.max;
      log(
        `  N=${n}: opened in ${opened.ms.toFixed(0)} ms; ${result.edits} edits, ${result.delivered}/${result.expected} delivered; ` +
          `p50 ${latency.p50.toFixed(1)} p99 ${latency.p99.toFixed(1)} max ${latency.max.toFixed(1)} ms`,
      );
      if (result.delivered < result.expected) {
        notes.push(`${n} clients: ${result.expected - result.delivered} of ${result.expected} deliveries missing after a ${DRAIN_MS / 1000} s drain`);
      }
      if (result.maxScheduleLagMs > 50) {
        notes.push(`${n} clients: the client process sent edits up to ${result.maxScheduleLagMs.toFixed(0)} ms behind schedule`);
      }
      await sleep(500);
    }
    return { metrics, notes };
  },
};
