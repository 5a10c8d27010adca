import type { LatencySummary } from './worker-protocol';

/** A growable list of latency samples (milliseconds). */
export class LatencySamples {
  private values = new Float64Array(4096);
  private size = 0;

  /** Adds one sample. */
  add(ms: number): void {
    if (this.size === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  /** p50, p95, p99 (nearest rank) and the maximum. */
  summary(): LatencySummary {
    const sorted = this.values.slice(0, this.size).sort();
    const at = (q: number) => (this.size ? sorted[Math.min(this.size - 1, Math.ceil(q * this.size) - 1)] : Number.NaN);
    return { count: this.size, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: this.size ? sorted[this.size - 1] : Number.NaN };
  }
}

/** The median of some numbers (NaN for none). */
export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
