import { median } from './latency-stats';
import type { MetricDef, Scenario } from './scenario';
import { serverTitle, type ServerKind } from './target';

/** Figure recorded for every run: CPU used by processes other than the bench's, in % of one core. */
export const OTHER_CPU_METRIC = 'other-cpu';

const OTHER_CPU_ROW: MetricDef = { id: OTHER_CPU_METRIC, label: 'other processes on the machine meanwhile (% of a core)', better: 'lower', digits: 0 };

/** Every run's figures of one scenario, per server (only the servers of the invocation). */
export type ScenarioRuns = Partial<Record<ServerKind, Record<string, number>[]>>;

/** A ratio column: the median of `of` divided by the median of `to` (or the better of the two reference servers). */
interface RatioColumn {
  title: string;
  of: ServerKind;
  to: ServerKind | 'best-ref';
}

function format(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(value: number, other: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(other) || other === 0) return '–';
  return `${(value / other).toFixed(2)}×`;
}

/** The better of the two reference figures for a metric (lower or higher, as the metric says). */
function bestReference(metric: MetricDef, values: Partial<Record<ServerKind, number>>): number {
  const refs = [values['y-websocket-server'], values.hocuspocus].filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (!refs.length) return Number.NaN;
  return metric.better === 'lower' ? Math.min(...refs) : Math.max(...refs);
}

function ratioColumns(nodes: number): RatioColumn[] {
  if (nodes > 1) {
    return [
      { title: `${nodes} nodes / 1 node`, of: 'plenary-nodes', to: 'plenary' },
      { title: `${nodes} nodes / best ref`, of: 'plenary-nodes', to: 'best-ref' },
    ];
  }
  return [
    { title: 'Plenary / best ref', of: 'plenary', to: 'best-ref' },
    { title: 'Plenary / @y/websocket-server', of: 'plenary', to: 'y-websocket-server' },
  ];
}

function table(metrics: MetricDef[], kinds: ServerKind[], nodes: number, runs: ScenarioRuns): string[] {
  const ratios = ratioColumns(nodes);
  const lines = [
    `| metric | ${kinds.map((kind) => serverTitle(kind, nodes)).join(' | ')} | ${ratios.map((r) => r.title).join(' | ')} |`,
    `| --- | ${kinds.map(() => '---:').join(' | ')} | ${ratios.map(() => '---:').join(' | ')} |`,
  ];
  for (const metric of metrics) {
    const values = Object.fromEntries(
      kinds.map((kind) => [kind, median((runs[kind] ?? []).map((run) => run[metric.id] ?? Number.NaN))]),
    ) as Partial<Record<ServerKind, number>>;
    const other = metric === OTHER_CPU_ROW;
    const arrow = other ? '' : metric.better === 'lower' ? ' ↓' : ' ↑';
    const ratioCells = ratios.map((r) =>
      other ? '' : ratio(values[r.of] ?? Number.NaN, r.to === 'best-ref' ? bestReference(metric, values) : (values[r.to] ?? Number.NaN)),
    );
    lines.push(`| ${metric.label}${arrow} | ${kinds.map((kind) => format(values[kind] ?? Number.NaN, metric.digits)).join(' | ')} | ${ratioCells.join(' | ')} |`);
  }
  return lines;
}

/**
 * A Markdown section for one scenario: its method, then one row per metric with
 * the median of the runs for each server side by side and the ratios (Plenary /
 * best reference and Plenary / @y/websocket-server; with several nodes, Plenary's
 * nodes / Plenary as one process and / best reference). Metrics with a group get
 * one table per group.
 */
export function renderScenario(scenario: Scenario, setup: { quick: boolean; nodes: number }, kinds: ServerKind[], runs: ScenarioRuns, notes: string[]): string {
  const { quick, nodes } = setup;
  const lines = [`## ${scenario.name}: ${scenario.title}`, '', scenario.method(quick, nodes), ''];
  const counts = kinds.map((kind) => `${serverTitle(kind, nodes)} ${runs[kind]?.length ?? 0}`).join(', ');
  lines.push(`Median of the runs that completed (${counts}).`, '');
  const groups = new Map<string | undefined, MetricDef[]>();
  for (const metric of scenario.metrics(quick, nodes)) groups.set(metric.group, [...(groups.get(metric.group) ?? []), metric]);
  if (groups.size === 1 && groups.has(undefined)) {
    lines.push(...table([...groups.get(undefined)!, OTHER_CPU_ROW], kinds, nodes, runs));
  } else {
    for (const [group, metrics] of groups) lines.push(`### ${group ?? 'other'}`, '', ...table(metrics, kinds, nodes, runs), '');
    lines.push('### the whole round', '', ...table([OTHER_CPU_ROW], kinds, nodes, runs));
  }
  const favours = nodes > 1 ? `Plenary on ${nodes} nodes` : 'Plenary';
  lines.push('', `↓ lower is better, ↑ higher is better; a ratio below 1 favours ${favours} for ↓ rows, above 1 for ↑ rows.`);
  if (notes.length) lines.push('', 'Notes:', ...notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}
