import type { RoomAccess } from './plenary-api';
import type { ClientProtocol } from './target';

/** Percentiles of a set of latencies, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Opens clients (added to the worker's pool) and waits until every one has synced. */
export interface OpenParams {
  protocol: ClientProtocol;
  rooms: RoomAccess[];
  /** Handshakes in flight at once (later clients start as earlier ones sync). */
  concurrency: number;
  timeoutMs: number;
}

/** Writers editing the `bench` map of the pool's first room; every other client receives. */
export interface EditParams {
  /** Clients 0..writers-1 write. */
  writers: number;
  /**
   * `open`: each writer edits `ratePerWriter` times a second on a fixed schedule, whatever the answers.
   * `closed`: each writer edits again as soon as its previous edit reached its echo client
   * (client `writers + w`, a non-writer, or the next client when there are too few).
   */
  mode: 'open' | 'closed';
  ratePerWriter: number;
  durationMs: number;
  /** Longest wait, after the last edit, for every receiver to have every edit. */
  drainMs: number;
}

/** What an edit phase measured. */
export interface EditResult {
  edits: number;
  /** edits × (clients − 1). */
  expected: number;
  /** Edits applied by receivers within the drain time. */
  delivered: number;
  /** Milliseconds from the first edit to the last. */
  writeMs: number;
  /** Milliseconds from the first edit until everything was delivered (or the drain ended). */
  totalMs: number;
  /** Largest delay of an open-loop edit behind its schedule (client process busy). */
  maxScheduleLagMs: number;
  latency: LatencySummary;
  /** The same, for receivers connected to the writer's server URL (its node). */
  sameNode: LatencySummary;
  /** The same, for receivers connected to another server URL (another node); empty with one server. */
  otherNode: LatencySummary;
}

/** Writes single characters through client `writer`, one update each, until client `watcher` holds them all. */
export interface FillParams {
  writer: number;
  watcher: number;
  count: number;
  timeoutMs: number;
}

/** A fresh client's load of a room whose `bench` text must equal `expected`. */
export interface LoadParams {
  protocol: ClientProtocol;
  room: RoomAccess;
  expectedLength: number;
  timeoutMs: number;
}

/** The worker's methods and their answers. */
export interface WorkerMethods {
  open: { params: OpenParams; result: { ms: number; clients: number } };
  edits: { params: EditParams; result: EditResult };
  fill: { params: FillParams; result: { ms: number } };
  load: { params: LoadParams; result: { ms: number; length: number } };
  /** Destroys clients from index `from` (default 0) on. */
  close: { params: { from?: number }; result: { closed: number } };
}

/** A request from the orchestrator. */
export interface WorkerRequest {
  id: number;
  method: keyof WorkerMethods;
  params: unknown;
}

/** The worker's answer; `closes` counts connections the server closed or lost since the last answer, by code and reason. */
export type WorkerResponse =
  | { id: number; ok: true; result: unknown; closes: Record<string, number> }
  | { id: number; ok: false; error: string; closes: Record<string, number> };

/** Characters written by the cold-load fill, so that the loaded text can be checked exactly. */
export function fillText(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String.fromCharCode(97 + (i % 26));
  return text;
}
