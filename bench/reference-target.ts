import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ROOT } from '../scripts/ensure-build';
import { freePort } from './free-port';
import type { RoomAccess } from './plenary-api';
import { serverNodeFlags, startServerProcess } from './server-process';
import type { BenchTarget, TargetOptions } from './target';

const WRAPPERS = {
  'y-websocket-server': { script: 'bench/servers/y-websocket-server.ts', ready: /^running at '127\.0\.0\.1' on port \d+/, protocol: 'y-websocket' },
  hocuspocus: { script: 'bench/servers/hocuspocus-server.ts', ready: /listening on 127\.0\.0\.1:\d+/, protocol: 'hocuspocus' },
} as const;

/** Starts one of the in-memory reference servers in its own process on a free loopback port. */
export async function startReferenceTarget(kind: keyof typeof WRAPPERS, options: TargetOptions): Promise<BenchTarget> {
  const wrapper = WRAPPERS[kind];
  const port = await freePort();
  const server = await startServerProcess({
    name: kind,
    args: [...serverNodeFlags(ROOT), join(ROOT, wrapper.script), '--port', String(port)],
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
    ready: wrapper.ready,
    logFile: options.logFile,
  });
  const url = `ws://127.0.0.1:${port}`;
  return {
    kind,
    protocol: wrapper.protocol,
    persists: false,
    unloadAfterMs: 0, // both drop a document as soon as its last client leaves
    cpuPids: () => [server.pid],
    processes: () => ({ nodes: [server.pid], redis: [], postgres: [] }),
    serverPid: () => server.pid,
    collectGarbage: () => server.collectGarbage(),
    async createRooms(count) {
      const prefix = randomBytes(4).toString('hex');
      return Array.from({ length: count }, (_, i): RoomAccess => ({ url, room: `bench-${prefix}-${i}` }));
    },
    refreshAccess: async (rooms) => rooms,
    restart: () => Promise.reject(new Error(`${kind} keeps documents in memory only: a restart loses them`)),
    notable: () => server.notable,
    async stop() {
      await server.stop();
    },
  };
}
