import type { Scenario } from '../scenario';

const countFor = (quick: boolean) => (quick ? 1_000 : 10_000);

/**
 * Cold load: 10,000 single-character updates written through the server by
 * one client (a second client waits until it holds them all), then a fresh
 * client's time to connect and hold the whole text. Plenary is stopped with
 * SIGTERM and restarted on the same data first; the in-memory reference
 * servers would lose everything on a restart, so their fresh client loads
 * from the still-running server while the writer stays connected.
 */
export const coldLoadScenario: Scenario = {
  name: 'cold-load',
  title: 'Cold load of a text built from many updates',
  method: (quick) =>
    `One client writes ${countFor(quick).toLocaleString('en')} single-character updates (one transaction each) to a Y.Text; ` +
    `a second client waits until it holds them all. Plenary: both clients leave, the server is stopped with SIGTERM and started ` +
    `again on the same data, then a fresh client connects. Reference servers (memory only; a restart would lose the text): the ` +
    `watcher leaves, the writer stays connected (else they drop the document), and a fresh client connects to the running server. ` +
    `Load = from creating the fresh client's provider to its text holding every character; the text is compared in full.`,
  metrics: () => [
    { id: 'load-ms', label: 'fresh client: connect and hold the whole text (ms)', better: 'lower', digits: 1 },
    { id: 'write-ms', label: 'writing the updates until the watcher holds them (ms)', better: 'lower', digits: 0 },
    { id: 'restart-ms', label: 'restart: SIGTERM to exit + start to ready (ms)', better: 'lower', digits: 0 },
  ],
  async run({ target, worker, quick, log }) {
    const count = countFor(quick);
    const [room] = await target.createRooms(1);
    await worker.call('open', { protocol: target.protocol, rooms: [room, room], concurrency: 2, timeoutMs: 60_000 }, 70_000);
    const written = await worker.call('fill', { writer: 0, watcher: 1, count, timeoutMs: 120_000 }, 150_000);
    let restartMs = Number.NaN;
    let loadRoom = room;
    if (target.persists) {
      await worker.call('close', {}, 30_000);
      const restarted = await target.restart();
      restartMs = restarted.stopMs + restarted.startMs;
      [loadRoom] = await target.refreshAccess([room]);
    } else {
      await worker.call('close', { from: 1 }, 30_000);
    }
    const loaded = await worker.call('load', { protocol: target.protocol, room: loadRoom, expectedLength: count, timeoutMs: 60_000 }, 70_000);
    await worker.call('close', {}, 30_000);
    log(
      `  wrote ${count} updates in ${written.ms.toFixed(0)} ms; ${target.persists ? `restarted in ${restartMs.toFixed(0)} ms; ` : ''}` +
        `fresh client held ${loaded.length} characters after ${loaded.ms.toFixed(1)} ms`,
    );
    return { metrics: { 'load-ms': loaded.ms, 'write-ms': written.ms, 'restart-ms': restartMs }, notes: [] };
  },
};
