import { rssBytes } from '../proc-stats';
import { OPEN_CONCURRENCY, type Scenario } from '../scenario';
import { sleep } from '../timing';

const roomsFor = (quick: boolean) => (quick ? 20 : 500);
const warmUpRoomsFor = (quick: boolean) => (quick ? 5 : 50);
const SETTLE_MS = 2_000;
/** Wait beyond the server's own unload delay before the unloaded reading. */
const UNLOAD_MARGIN_MS = 5_000;
/**
 * Rooms: 500 rooms × 2 clients. Connections per second = 1000 / the time to
 * open all of them and see each one synced; RSS per room = (server RSS after −
 * RSS before) / 500, both read from /proc just after a full garbage
 * collection, following a warm-up that opens and closes 50 other rooms.
 */
export const roomsScenario: Scenario = {
  name: 'rooms',
  title: 'Many rooms: connection rate and memory per room',
  method: (quick) =>
    `${roomsFor(quick)} rooms × 2 clients, opened ${OPEN_CONCURRENCY} handshakes at a time (a client starts when an earlier one ` +
    `has synced). Warm-up first: ${warmUpRoomsFor(quick)} other rooms × 2 clients opened and closed. Connections/s = ` +
    `${2 * roomsFor(quick)} / time until every client synced (rooms and Plenary's tokens are made beforehand, not timed). ` +
    `RSS per room = (server VmRSS ${SETTLE_MS / 1000} s after the last sync − VmRSS before the first connect) / ` +
    `${roomsFor(quick)}, each reading taken after full garbage collections in the server, repeated every 1.5 s until RSS has held still within 2 MB for two rounds (at most 8) (SIGUSR2 to a preload, ` +
    `bench/servers/gc-on-signal.ts; the same for all three servers). Second figure: (that loaded reading − the reading once every client has left and ` +
    `the server has unloaded the rooms: at once for the reference servers, after Plenary's 30 s idle unload) / ${roomsFor(quick)}; ` +
    `its baseline comes after the activity, so memory the server is still handing back from its start does not count.`,
  metrics: () => [
    { id: 'conn-per-s', label: 'connections per second (connect + sync)', better: 'higher', digits: 0 },
    { id: 'kb-per-room', label: 'RSS per room, after − before (KB)', better: 'lower', digits: 1 },
    { id: 'kb-per-room-unloaded', label: 'RSS per room, loaded − unloaded (KB)', better: 'lower', digits: 1 },
    { id: 'rss-before-mb', label: 'server RSS before, after a full GC (MB)', better: 'lower', digits: 0 },
    { id: 'rss-after-mb', label: 'server RSS after, after a full GC (MB)', better: 'lower', digits: 0 },
    { id: 'rss-unloaded-mb', label: 'server RSS once the rooms are unloaded, after a full GC (MB)', better: 'lower', digits: 0 },
  ],
  async run({ target, worker, quick, log }) {
    const count = roomsFor(quick);
    const rooms = await target.createRooms(count);
    const warmUp = await target.createRooms(warmUpRoomsFor(quick));
    const open = (list: typeof rooms, timeoutMs: number) =>
      worker.call(
        'open',
        { protocol: target.protocol, rooms: list.flatMap((room) => [room, room]), concurrency: OPEN_CONCURRENCY, timeoutMs },
        timeoutMs + 20_000,
      );
    await open(warmUp, 60_000);
    await worker.call('close', {}, 30_000);
    await sleep(SETTLE_MS);
    const pid = target.serverPid();
    await target.collectGarbage();
    const before = rssBytes(pid);
    const opened = await open(rooms, 180_000);
    await sleep(SETTLE_MS);
    await target.collectGarbage();
    const after = rssBytes(pid);
    await worker.call('close', {}, 60_000);
    await sleep(target.unloadAfterMs + UNLOAD_MARGIN_MS);
    await target.collectGarbage();
    const unloaded = rssBytes(pid);
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    log(`  ${opened.clients} clients synced in ${opened.ms.toFixed(0)} ms; RSS after full collections ${mb(before)} → ${mb(after)} → ${mb(unloaded)} MB (rooms unloaded)`);
    return {
      metrics: {
        'conn-per-s': opened.clients / (opened.ms / 1000),
        'kb-per-room': (after - before) / count / 1024,
        'kb-per-room-unloaded': (after - unloaded) / count / 1024,
        'rss-before-mb': before / 2 ** 20,
        'rss-after-mb': after / 2 ** 20,
        'rss-unloaded-mb': unloaded / 2 ** 20,
      },
      notes: [],
    };
  },
};
