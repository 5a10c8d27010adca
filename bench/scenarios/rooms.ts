import { rssBytes } from '../proc-stats';
import { OPEN_CONCURRENCY, type Scenario } from '../scenario';
import { sleep } from '../timing';

const roomsFor = (quick: boolean) => (quick ? 20 : 500);
const SETTLE_MS = 2_000;

/**
 * Rooms: 500 rooms × 2 clients. Connections per second = 1000 / the time to
 * open all of them and see each one synced; RSS per room = (server RSS after −
 * RSS before) / 500, both read from /proc after a short settle.
 */
export const roomsScenario: Scenario = {
  name: 'rooms',
  title: 'Many rooms: connection rate and memory per room',
  method: (quick) =>
    `${roomsFor(quick)} rooms × 2 clients, opened ${OPEN_CONCURRENCY} handshakes at a time (a client starts when an earlier one ` +
    `has synced). Connections/s = ${2 * roomsFor(quick)} / time until every client synced (rooms and Plenary's tokens are made ` +
    `beforehand, not timed). RSS per room = (server VmRSS ${SETTLE_MS / 1000} s after the last sync − VmRSS ${SETTLE_MS / 1000} s ` +
    `before the first connect) / ${roomsFor(quick)}.`,
  metrics: () => [
    { id: 'conn-per-s', label: 'connections per second (connect + sync)', better: 'higher', digits: 0 },
    { id: 'kb-per-room', label: 'RSS per room (KB)', better: 'lower', digits: 1 },
    { id: 'rss-before-mb', label: 'server RSS before (MB)', better: 'lower', digits: 0 },
    { id: 'rss-after-mb', label: 'server RSS after (MB)', better: 'lower', digits: 0 },
  ],
  async run({ target, worker, quick, log }) {
    const count = roomsFor(quick);
    const rooms = await target.createRooms(count);
    await sleep(SETTLE_MS);
    const pid = target.serverPid();
    const before = rssBytes(pid);
    const opened = await worker.call(
      'open',
      { protocol: target.protocol, rooms: rooms.flatMap((room) => [room, room]), concurrency: OPEN_CONCURRENCY, timeoutMs: 180_000 },
      200_000,
    );
    await sleep(SETTLE_MS);
    const after = rssBytes(pid);
    await worker.call('close', {}, 60_000);
    log(`  ${opened.clients} clients synced in ${opened.ms.toFixed(0)} ms; RSS ${(before / 2 ** 20).toFixed(0)} → ${(after / 2 ** 20).toFixed(0)} MB`);
    return {
      metrics: {
        'conn-per-s': opened.clients / (opened.ms / 1000),
        'kb-per-room': (after - before) / count / 1024,
        'rss-before-mb': before / 2 ** 20,
        'rss-after-mb': after / 2 ** 20,
      },
      notes: [],
    };
  },
};
