import type * as Y from 'yjs';
import type { BenchClient } from './bench-client';
import { LatencySamples } from './latency-stats';
import { sleep, waitUntil } from './timing';
import type { EditParams, EditResult } from './worker-protocol';

/** Name of the shared map the edits go to (Plenary's own 'default' fragment is left alone). */
export const BENCH_MAP = 'bench';

/** One edit as stored in the map: [phase, writer, sequence number (from 1), performance.now() at the edit]. */
type EditValue = [number, number, number, number];

/**
 * Runs one edit phase over `clients` (all in this process, so one clock):
 * writer w sets key `w<w>` of the `bench` map to [phase, w, seq, now]; each
 * other client records now − the edit's time when the change reaches its
 * document, also split by whether it is connected to the writer's server URL
 * (node) or another one. Bounded by `durationMs` plus `drainMs`.
 */
export async function runEditPhase(clients: BenchClient[], params: EditParams, phase: number): Promise<EditResult> {
  const n = clients.length;
  const writers = Math.min(params.writers, n);
  if (n < 2 || writers < 1) throw new Error('an edit phase needs at least two clients and one writer');
  const maps = clients.map((client) => client.doc.getMap(BENCH_MAP));
  const lastSeq = new Int32Array(n * writers);
  const sent = new Int32Array(writers);
  const echo = Array.from({ length: writers }, (_, w) => (writers + w < n ? writers + w : (w + 1) % n));
  const samples = new LatencySamples();
  // Receivers on the writer's server URL (its node) and on another one, for multi-node runs.
  const sameNode = new LatencySamples();
  const otherNode = new LatencySamples();
  const urls = clients.map((client) => client.url);
  let delivered = 0;
  let skipped = 0;
  let edits = 0;
  let writing = true;
  let firstEdit = 0;
  let lastEdit = 0;

  const write = (w: number) => {
    const seq = ++sent[w];
    const now = performance.now();
    if (!edits) firstEdit = now;
    lastEdit = now;
    edits++;
    maps[w].set(`w${w}`, [phase, w, seq, now] satisfies EditValue);
  };

  const observers = maps.map((map, c) => {
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const value = map.get(key) as EditValue | undefined;
        if (!value || value[0] !== phase) continue;
        const [, w, seq, at] = value;
        const slot = c * writers + w;
        const last = lastSeq[slot];
        if (seq <= last) continue;
        lastSeq[slot] = seq;
        delivered++;
        skipped += seq - last - 1;
        samples.add(now - at);
        (urls[c] === urls[w] ? sameNode : otherNode).add(now - at);
        if (params.mode === 'closed' && writing && c === echo[w] && seq === sent[w]) setImmediate(() => writing && write(w));
      }
    };
    map.observe(observer);
    return observer;
  });

  let maxScheduleLagMs = 0;
  try {
    const start = performance.now();
    const end = start + params.durationMs;
    if (params.mode === 'closed') {
      for (let w = 0; w < writers; w++) write(w);
      await sleep(params.durationMs);
      writing = false;
    } else {
      // Fixed schedule: writer w's k-th edit is due at start + w·interval/writers + k·interval.
      const interval = 1000 / params.ratePerWriter;
      const due = Array.from({ length: writers }, (_, w) => start + (w * interval) / writers);
      while (writing) {
        const now = performance.now();
        for (let w = 0; w < writers; w++) {
          while (due[w] <= now && due[w] < end) {
            maxScheduleLagMs = Math.max(maxScheduleLagMs, now - due[w]);
            write(w);
            due[w] += interval;
          }
        }
        const next = Math.min(...due);
        if (next >= end) writing = false;
        else await sleep(Math.max(0, next - performance.now()));
      }
    }
    const expected = () => edits * (n - 1);
    await waitUntil(() => delivered + skipped >= expected(), params.drainMs, 5);
    return {
      edits,
      expected: expected(),
      delivered,
      writeMs: lastEdit - firstEdit,
      totalMs: performance.now() - firstEdit,
      maxScheduleLagMs,
      latency: samples.summary(),
      sameNode: sameNode.summary(),
      otherNode: otherNode.summary(),
    };
  } finally {
    writing = false;
    maps.forEach((map, c) => map.unobserve(observers[c]));
  }
}
