import { cpuMicrosBetween, cpuSnapshot, rssBytes } from '../proc-stats';
import { OPEN_CONCURRENCY, type MetricDef, type Scenario } from '../scenario';
import type { BenchTarget, TargetProcesses } from '../target';
import { sleep } from '../timing';
import type { LatencySummary } from '../worker-protocol';

const WRITERS = 10;
const RATE = 10;
const sizes = (quick: boolean) => (quick ? [2, 20] : [2, 20, 100, 200]);
const durationMs = (quick: boolean) => (quick ? 3_000 : 10_000);
const DRAIN_MS = 5_000;
const SETTLE_MS = 1_500;
const QUANTILES = ['p50', 'p95', 'p99'] as const;

/** Rows of the multi-node tables for one client count: latency split by the receiver's node, then CPU by process. */
function multiNodeMetrics(n: number, nodes: number, largest: boolean): MetricDef[] {
  const group = `${n} clients`;
  const row = (id: string, label: string, digits: number): MetricDef => ({ id: `${id}@${n}`, label, better: 'lower', digits, group });
  return [
    ...[...QUANTILES, 'max'].map((q) => row(q, `${q}, all receivers (ms)`, 1)),
    ...QUANTILES.map((q) => row(`same-${q}`, `${q}, receivers on the writer's node (ms)`, 1)),
    ...QUANTILES.map((q) => row(`other-${q}`, `${q}, receivers on another node (ms)`, 1)),
    row('cpu-nodes', 'CPU, server process(es), sum (% of a core)', 0),
    ...Array.from({ length: nodes }, (_, k) => row(`cpu-node${k + 1}`, `CPU, node-${k + 1} (% of a core)`, 0)),
    row('cpu-redis', 'CPU, Redis (% of a core)', 1),
    row('cpu-postgres', 'CPU, PostgreSQL, all its processes (% of a core)', 0),
    row('cpu-all', 'CPU, all server-side processes (% of a core)', 0),
    ...(largest
      ? [
          row('rss', 'RSS, server process(es), sum, after full collections (MB)', 0),
          ...Array.from({ length: nodes }, (_, k) => row(`rss-node${k + 1}`, `RSS, node-${k + 1} (MB)`, 0)),
        ]
      : []),
  ];
}

/** A figure from the client worker: NaN (no samples) arrives over IPC as null. */
const figure = (value: number | null): number => value ?? Number.NaN;

/** A figure for the progress line. */
const shown = (value: number | null, digits: number): string => (Number.isFinite(value) ? value!.toFixed(digits) : '–');

function putQuantiles(metrics: Record<string, number>, prefix: string, n: number, summary: LatencySummary): void {
  for (const q of QUANTILES) metrics[`${prefix}${q}@${n}`] = figure(summary[q]);
}

/** CPU of the target's processes by role over the time since `before`, in % of one core. */
function cpuPercents(processes: TargetProcesses, before: Map<number, number>, wallMs: number) {
  const after = cpuSnapshot(Object.values(processes).flat());
  const percent = (pids: number[]) => {
    const only = (snapshot: Map<number, number>) => new Map(pids.filter((pid) => snapshot.has(pid)).map((pid) => [pid, snapshot.get(pid)!]));
    return pids.length ? (cpuMicrosBetween(only(before), only(after)) / 1000 / wallMs) * 100 : Number.NaN;
  };
  return {
    nodes: processes.nodes.map((pid) => percent([pid])),
    redis: percent(processes.redis),
    postgres: percent(processes.postgres),
    all: percent(Object.values(processes).flat()),
  };
}

/** The multi-node figures of one client count: latency by node, CPU by process, and (at the largest count) RSS after full collections. */
async function multiNodeFigures(
  target: BenchTarget,
  n: number,
  nodes: number,
  result: { latency: LatencySummary; sameNode: LatencySummary; otherNode: LatencySummary },
  cpu: ReturnType<typeof cpuPercents>,
  largest: boolean,
): Promise<{ metrics: Record<string, number>; line: string }> {
  const metrics: Record<string, number> = {};
  putQuantiles(metrics, 'same-', n, result.sameNode);
  putQuantiles(metrics, 'other-', n, result.otherNode);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  metrics[`cpu-nodes@${n}`] = sum(cpu.nodes);
  for (let k = 0; k < nodes; k++) metrics[`cpu-node${k + 1}@${n}`] = cpu.nodes[k] ?? Number.NaN;
  metrics[`cpu-redis@${n}`] = cpu.redis;
  metrics[`cpu-postgres@${n}`] = cpu.postgres;
  metrics[`cpu-all@${n}`] = cpu.all;
  let line =
    `same node p50 ${shown(result.sameNode.p50, 1)}, other node p50 ${shown(result.otherNode.p50, 1)} ms; ` +
    `CPU nodes ${cpu.nodes.map((p) => shown(p, 0)).join('+')}%, Redis ${shown(cpu.redis, 1)}%, PostgreSQL ${shown(cpu.postgres, 0)}%`;
  if (largest) {
    await target.collectGarbage();
    const rss = target.processes().nodes.map((pid) => rssBytes(pid) / 2 ** 20);
    metrics[`rss@${n}`] = sum(rss);
    for (let k = 0; k < nodes; k++) metrics[`rss-node${k + 1}@${n}`] = rss[k] ?? Number.NaN;
    line += `; RSS ${rss.map((mb) => mb.toFixed(0)).join('+')} MB`;
  }
  return { metrics, line };
}

/**
 * Latency: one room, N clients; min(10, N) writers each edit the `bench` map
 * 10 times a second (open loop) for 10 s once everyone has synced; every other
 * client records the time from the writer's local edit to its own apply. With
 * `--nodes`, client i opens the room on node i mod nodes, latency is also split
 * by whether the receiver is on the writer's node, and CPU and RSS are recorded.
 */
export const latencyScenario: Scenario = {
  name: 'latency',
  title: 'Latency: writer\'s local edit → each receiver\'s apply (ms)',
  multiNode: true,
  method: (quick, nodes) =>
    `One room; N clients (${sizes(quick).join(', ')}), all synced before writing; min(${WRITERS}, N) writers each set their key of a Y.Map ` +
    `${RATE} times a second on a fixed schedule (open loop) for ${durationMs(quick) / 1000} s; every other client records ` +
    `now − the timestamp in the edit when the change reaches its document (all clients in one process, one clock). Fresh room per N.` +
    (nodes > 1
      ? ` Plenary, ${nodes} nodes: client i (writers are clients 0-${WRITERS - 1}) opens the room on node (i mod ${nodes}) + 1, so writers and readers ` +
        `are spread evenly; "writer's node" and "another node" split the receivers by the node they are connected to (single-process servers: ` +
        `every receiver is on the writer's node). CPU: utime+stime over the edit phase (edits + drain) in % of one core, for the server ` +
        `process(es), the bench's redis-server and every process named postgres; RSS at ${sizes(quick).at(-1)} clients after full collections.`
      : ''),
  metrics: (quick, nodes) =>
    nodes > 1
      ? sizes(quick).flatMap((n, i, all) => multiNodeMetrics(n, nodes, i === all.length - 1))
      : sizes(quick).flatMap((n): MetricDef[] =>
          (['p50', 'p95', 'p99', 'max'] as const).map((q) => ({ id: `${q}@${n}`, label: `${q}, ${n} clients`, better: 'lower', digits: 1 })),
        ),
  async run({ target, worker, quick, nodes, log }) {
    const metrics: Record<string, number> = {};
    const notes: string[] = [];
    for (const n of sizes(quick)) {
      const [room] = await target.createRooms(1);
      const rooms = Array.from({ length: n }, (_, i) => target.clientAccess?.(room, i) ?? room);
      const opened = await worker.call(
        'open',
        { protocol: target.protocol, rooms, concurrency: OPEN_CONCURRENCY, timeoutMs: 120_000 },
        150_000,
      );
      await sleep(SETTLE_MS); // let the joining clients' awareness announcements pass
      const processes = target.processes();
      const before = cpuSnapshot(Object.values(processes).flat());
      const started = performance.now();
      const result = await worker.call(
        'edits',
        { writers: WRITERS, mode: 'open', ratePerWriter: RATE, durationMs: durationMs(quick), drainMs: DRAIN_MS },
        durationMs(quick) + DRAIN_MS + 30_000,
      );
      const cpu = cpuPercents(processes, before, performance.now() - started);
      const { latency } = result;
      putQuantiles(metrics, '', n, latency);
      metrics[`max@${n}`] = figure(latency.max);
      let extra = '';
      if (nodes > 1) {
        const figures = await multiNodeFigures(target, n, nodes, result, cpu, n === sizes(quick).at(-1));
        Object.assign(metrics, figures.metrics);
        extra = `; ${figures.line}`;
      }
      await worker.call('close', {}, 30_000);
      log(
        `  N=${n}: opened in ${opened.ms.toFixed(0)} ms; ${result.edits} edits, ${result.delivered}/${result.expected} delivered; ` +
          `p50 ${shown(latency.p50, 1)} p99 ${shown(latency.p99, 1)} max ${shown(latency.max, 1)} ms${extra}`,
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
