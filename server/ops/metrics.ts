import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GroupCommitter } from '../sync/group-committer';

/** Where the metrics read their values from: the running sync and socket.io servers. */
export interface MetricsSources {
  /** Open sync (y-websocket) connections. */
  syncConnections(): number;
  /** Documents loaded in memory. */
  loadedDocuments(): number;
  /** Connected socket.io clients. */
  realtimeConnections(): number;
  /** The group committer whose commits are counted and timed. */
  committer: GroupCommitter;
}

/** This server's Prometheus metrics. */
export interface ServerMetrics {
  /** The registry /metrics serves; owned by this server, so that several servers in one process do not collide. */
  registry: Registry;
  /** Stops observing the committer. */
  stop(): void;
}

/**
 * Group commits take one transaction: about a millisecond on a warm embedded database, tens of
 * milliseconds on a remote PostgreSQL, seconds only when something is wrong.
 */
const PERSIST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates the metrics of one server: gauges read when scraped (connections,
 * loaded documents), a counter of committed Yjs updates (updates/s is its
 * `rate()`), a histogram of group-commit latency, and Node's process metrics.
 */
export function createServerMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: 'plenary_sync_connections',
    help: 'Open sync (y-websocket) connections.',
    registers,
    collect() {
      this.set(sources.syncConnections());
    },
  });
  new Gauge({
    name: 'plenary_sync_documents_loaded',
    help: 'Proposal texts loaded in memory.',
    registers,
    collect() {
      this.set(sources.loadedDocuments());
    },
  });
  new Gauge({
    name: 'plenary_realtime_connections',
    help: 'Connected socket.io clients.',
    registers,
    collect() {
      this.set(sources.realtimeConnections());
    },
  });
  const committed = new Counter({
    name: 'plenary_sync_updates_committed_total',
    help: 'Yjs updates stored durably in the update log.',
    registers,
  });
  const persist = new Histogram({
    name: 'plenary_sync_persist_duration_seconds',
    help: 'Duration of one group commit of Yjs updates (failed ones included), in seconds.',
    buckets: PERSIST_BUCKETS,
    registers,
  });
  const stop = sources.committer.observe((report) => {
    committed.inc(report.committed);
    persist.observe(report.seconds);
  });
  return { registry, stop };
}
