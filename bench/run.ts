/**
 * `npm run bench`: Plenary's sync server against @y/websocket-server and
 * Hocuspocus, side by side. For each scenario and each round, the three
 * servers run in turn (A, B, C, A, B, C …), each in its own child process on
 * a free loopback port, driven by a separate client process; each figure is
 * the median of the rounds. With `--nodes N`, the latency scenario also runs
 * Plenary as N nodes on PostgreSQL and Redis, next to Plenary as one process
 * on PostgreSQL. See bench/README.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ROOT } from '../scripts/ensure-build';
import { checkDependencies } from './check-deps';
import { killAllChildren } from './children';
import { OtherLoad, waitForQuietMachine } from './machine-load';
import { describeMachine, loadAverage } from './machine';
import { parseOptions, type BenchOptions } from './options';
import { createFreshDatabase } from './postgres-db';
import { cpuSnapshot } from './proc-stats';
import { redisVersion } from './redis-process';
import { OTHER_CPU_METRIC, renderScenario, type ScenarioRuns } from './report';
import type { Scenario } from './scenario';
import { coldLoadScenario } from './scenarios/cold-load';
import { cpuScenario } from './scenarios/cpu';
import { latencyScenario } from './scenarios/latency';
import { roomsScenario } from './scenarios/rooms';
import { startTarget } from './start-target';
import { serverKinds, type BenchTarget } from './target';
import { WorkerHandle } from './worker-handle';

const SCENARIOS: Scenario[] = [latencyScenario, cpuScenario, roomsScenario, coldLoadScenario];
const RESULTS = join(ROOT, 'bench/results');
/** Before each round, wait (at most QUIET_WAIT_MS) until other processes use less than this share of a core. */
const QUIET_PERCENT = 30;
const QUIET_WAIT_MS = 60_000;

function closeNotes(closes: Record<string, number>): string {
  return Object.entries(closes)
    .map(([what, count]) => `${what} ×${count}`)
    .join(', ');
}

function describeDatabase(options: BenchOptions, redis: string | undefined): string {
  if (options.nodes > 1) {
    return (
      `Plenary, 1 node: one process on PostgreSQL, no Redis; Plenary, ${options.nodes} nodes: ${options.nodes} processes sharing one PostgreSQL ` +
      `database and the bench's own redis-server ${redis} (every postgres process's CPU, and Redis's, counted as Plenary's)`
    );
  }
  return options.db === 'pglite' ? 'embedded PGlite' : 'PostgreSQL (its processes\' CPU counted as Plenary\'s)';
}

async function main(): Promise<number> {
  const options = parseOptions(
    process.argv.slice(2),
    SCENARIOS.map((s) => s.name),
    SCENARIOS.filter((s) => s.multiNode).map((s) => s.name),
  );
  const began = performance.now();
  // Missing Redis or PostgreSQL stops the bench before the build.
  const redis = options.nodes > 1 ? redisVersion() : undefined;
  if (options.db === 'postgres') await (await createFreshDatabase(options.databaseUrl)).drop();
  ensureBuild();
  const versions = checkDependencies();
  const kinds = serverKinds(options.nodes);
  rmSync(join(RESULTS, 'logs'), { recursive: true, force: true });
  mkdirSync(join(RESULTS, 'logs'), { recursive: true });

  const scenarios = options.scenario ? SCENARIOS.filter((s) => s.name === options.scenario) : SCENARIOS;
  const header = [
    '# Plenary sync benchmark',
    '',
    `Machine: ${describeMachine()}; load average at start (1/5/15 min) ${loadAverage()}.`,
    `Database: ${describeDatabase(options, redis)}; ` +
      `${options.runs} interleaved round(s)${options.quick ? '; --quick (small sizes, short phases: a smoke test, not a measurement)' : ''}.`,
    `Versions: ${Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
    'One client process holds every client (stock y-websocket providers; Hocuspocus\'s own provider for Hocuspocus) and competes with the server for the machine\'s cores.',
    '',
  ].join('\n');
  console.log(header);
  const sections = [header];
  const raw: Record<string, ScenarioRuns> = {};
  let failures = 0;
  const save = () => {
    const minutes = ((performance.now() - began) / 60_000).toFixed(1);
    writeFileSync(join(RESULTS, 'latest.md'), `${sections.join('\n')}\nTotal time: ${minutes} min; load average at the end ${loadAverage()}.\n`);
    writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify({ options, versions, raw }, null, 2)}\n`);
  };

  for (const scenario of scenarios) {
    const runs: ScenarioRuns = Object.fromEntries(kinds.map((kind) => [kind, []]));
    raw[scenario.name] = runs;
    const notes: string[] = [];
    for (let round = 1; round <= options.runs; round++) {
      for (const kind of kinds) {
        const label = `${kind} round ${round}`;
        console.log(`[${scenario.name}] ${label}`);
        let target: BenchTarget | undefined;
        let worker: WorkerHandle | undefined;
        try {
          await waitForQuietMachine(() => [process.pid], QUIET_PERCENT, QUIET_WAIT_MS, (message) => console.log(message));
          target = await startTarget(kind, {
            db: options.db,
            databaseUrl: options.databaseUrl,
            nodes: options.nodes,
            logFile: join(RESULTS, 'logs', `${scenario.name}-run${round}-${kind}.log`),
          });
          worker = await WorkerHandle.start();
          const current = target;
          const client = worker;
          const other = new OtherLoad(() => [process.pid, client.pid, ...current.cpuPids()]);
          const result = await scenario.run({
            target: current,
            worker,
            quick: options.quick,
            nodes: options.nodes,
            cpuNow: () => cpuSnapshot(current.cpuPids()),
            log: (message) => console.log(message),
          });
          const otherPercent = other.percent();
          runs[kind]!.push({ ...result.metrics, [OTHER_CPU_METRIC]: otherPercent });
          if (otherPercent > QUIET_PERCENT) notes.push(`${label}: other processes on the machine used ${otherPercent.toFixed(0)}% of a core meanwhile`);
          notes.push(...result.notes.map((note) => `${label}: ${note}`));
        } catch (error) {
          failures++;
          const message = error instanceof Error ? error.message : String(error);
          console.error(`!! [${scenario.name}] ${label} FAILED: ${message}`);
          notes.push(`**${label} FAILED**: ${message.split('\n')[0].slice(0, 400)}`);
        } finally {
          await worker?.stop();
          if (worker && Object.keys(worker.closes).length) notes.push(`${label}: connections closed by the server or lost: ${closeNotes(worker.closes)}`);
          await target?.stop().catch((error: unknown) => notes.push(`${label}: stopping failed: ${String(error)}`));
          const notable = [...new Set(target?.notable() ?? [])];
          if (notable.length) {
            notes.push(`${label}: server output: ${notable.slice(0, 5).map((line) => `\`${line.slice(0, 200)}\``).join('; ')}${notable.length > 5 ? ` (+${notable.length - 5} more in the log)` : ''}`);
          }
        }
      }
    }
    const section = renderScenario(scenario, options, kinds, runs, notes);
    console.log(`\n${section}`);
    sections.push(section);
    save();
  }
  const minutes = ((performance.now() - began) / 60_000).toFixed(1);
  console.log(`Total time: ${minutes} min; load average at the end ${loadAverage()}. Written to bench/results/latest.md${failures ? `; ${failures} run(s) FAILED` : ''}.`);
  return failures ? 1 : 0;
}

main().then(
  (code) => {
    killAllChildren();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    killAllChildren();
    process.exit(1);
  },
);
