import type { CpuSnapshot } from './proc-stats';
import type { BenchTarget } from './target';
import type { WorkerHandle } from './worker-handle';

/** One figure a scenario reports. */
export interface MetricDef {
  id: string;
  label: string;
  better: 'lower' | 'higher';
  /** Decimals shown. */
  digits: number;
  /** Metrics with a group are shown in one table per group (e.g. per client count), under this heading. */
  group?: string;
}

/** What a scenario gets for one run against one server. */
export interface ScenarioContext {
  target: BenchTarget;
  worker: WorkerHandle;
  quick: boolean;
  /** Plenary node processes of `--nodes` (1 without it); only the latency scenario runs with more. */
  nodes: number;
  /** CPU ticks of the server's processes (with PostgreSQL's for Plenary on PostgreSQL) right now. */
  cpuNow(): CpuSnapshot;
  /** Progress line on the console. */
  log(message: string): void;
}

/** The figures of one run, and remarks worth printing under the table. */
export interface ScenarioRun {
  metrics: Record<string, number>;
  notes: string[];
}

/** A benchmark scenario, run once per server per round. */
export interface Scenario {
  name: string;
  /** Heading of its table. */
  title: string;
  /** Whether it runs with `--nodes` above 1 (several Plenary nodes). */
  multiNode?: boolean;
  /** What exactly is measured, printed under the heading (`nodes`: as in {@link ScenarioContext}). */
  method(quick: boolean, nodes: number): string;
  metrics(quick: boolean, nodes: number): MetricDef[];
  run(context: ScenarioContext): Promise<ScenarioRun>;
}

/** Handshakes in flight at once while opening many clients (keeps clear of the listen backlog). */
export const OPEN_CONCURRENCY = 50;
