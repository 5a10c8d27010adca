import { median } from './latency-stats';
import type { MetricDef, Scenario } from './scenario';
import { SERVER_KINDS, SERVER_TITLES, type ServerKind } from './target';

/** Figure recorded for every run: CPU used by processes other than the bench's, in % of one core. */
export const OTHER_CPU_METRIC = 'other-cpu';

const OTHER_CPU_ROW: MetricDef = { id: OTHER_CPU_METRIC, label: 'other processes on the machine meanwhile (% of a core)', better: 'lower', digits: 0 };

/** Every run's figures of one scenario, per server. */
export type ScenarioRuns = Record<ServerKind, Record<string, number>[]>;

function format(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(plenary: number, other: number): string {
  if (!Number.isFinite(plenary) || !Number.isFinite(other) || other === 0) return '–';
  return `${(plenary / other).toFixed(2)}×`;
}

/** The better of the two reference figures for a metric (lower or higher, as the metric says). */
function bestReference(metric: MetricDef, values: Record<ServerKind, number>): number {
  const refs = [values['y-websocket-server'], values.hocuspocus].filter((v) => Number.isFinite(v));
  if (!refs.length) return Number.NaN;
  return metric.better === 'lower' ? Math.min(...refs) : Math.max(...refs);
}

/**
 * A Markdown section for one scenario: its method, then one row per metric with
 * the median of the runs for each server side by side and the ratios
 * Plenary / best reference and Plenary / @y/websocket-server.
 */
export function renderScenario(scenario: Scenario, quick: boolean, runs: ScenarioRuns, notes: string[]): string {
  const lines = [`## ${scenario.name}: ${scenario.title}`, '', scenario.method(quick), ''];
  const counts = SERVER_KINDS.map((kind) => `${SERVER_TITLES[kind]} ${runs[kind].length}`).join(', ');
  lines.push(`Median of the runs that completed (${counts}).`, '');
  lines.push(`| metric | ${SERVER_KINDS.map((kind) => SERVER_TITLES[kind]).join(' | ')} | Plenary / best ref | Plenary / @y/websocket-server |`);
  lines.push(`| --- | ${SERVER_KINDS.map(() => '---:').join(' | ')} | ---: | ---: |`);
  for (const metric of [...scenario.metrics(quick), OTHER_CPU_ROW]) {
    const values = Object.fromEntries(
      SERVER_KINDS.map((kind) => [kind, median(runs[kind].map((run) => run[metric.id] ?? Number.NaN))]),
    ) as Record<ServerKind, number>;
    const arrow = metric === OTHER_CPU_ROW ? '' : metric.better === 'lower' ? ' ↓' : ' ↑';
    const ratios =
      metric === OTHER_CPU_ROW
        ? '| |'
        : `| ${ratio(values.plenary, bestReference(metric, values))} | ${ratio(values.plenary, values['y-websocket-server'])} |`;
    lines.push(`| ${metric.label}${arrow} | ${SERVER_KINDS.map((kind) => format(values[kind], metric.digits)).join(' | ')} ${ratios}`);
  }
  lines.push('', '↓ lower is better, ↑ higher is better; a ratio below 1 favours Plenary for ↓ rows, above 1 for ↑ rows.');
  if (notes.length) lines.push('', 'Notes:', ...notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}
