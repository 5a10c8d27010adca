import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlenaryApi, type RoomAccess } from './plenary-api';
import { CREATE_CONCURRENCY, inBatches, startPlenaryNode } from './plenary-node';
import { createFreshDatabase, type FreshDatabase } from './postgres-db';
import { postgresPids } from './proc-stats';
import type { ServerProcess } from './server-process';
import type { BenchTarget, TargetOptions } from './target';

/**
 * Starts Plenary as it runs in production (`node --import tsx server/main.ts`,
 * NODE_ENV=production) on a free loopback port with a fresh data folder (and a
 * fresh PostgreSQL database with `--db postgres`), then signs up a member and
 * creates an assembly, so that rooms are proposals opened with sync tokens.
 */
export async function startPlenaryTarget(options: TargetOptions): Promise<BenchTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-bench-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir); // also when the bench is interrupted
  let database: FreshDatabase | undefined;
  if (options.db === 'postgres') database = await createFreshDatabase(options.databaseUrl);
  let server: ServerProcess | undefined;
  const notable: string[] = [];

  const start = async () => {
    const node = await startPlenaryNode({ dataDir, database: database?.env, logFile: options.logFile });
    server = node.server;
    return { port: node.port, startMs: node.server.startMs };
  };

  try {
    const { port } = await start();
    const api = new PlenaryApi(port);
    await api.signUp();
    const assemblyId = await api.createAssembly('Bench assembly');
    let created = 0;
    const processes = () => ({ nodes: [server!.pid], redis: [], postgres: database ? postgresPids() : [] });

    return {
      kind: 'plenary',
      protocol: 'y-websocket',
      persists: true,
      unloadAfterMs: 30_000, // SYNC_IDLE_UNLOAD_SECONDS left at its default
      cpuPids: () => [server!.pid, ...processes().postgres],
      processes,
      serverPid: () => server!.pid,
      collectGarbage: () => server!.collectGarbage(),
      async createRooms(count) {
        const titles = Array.from({ length: count }, () => `Bench text ${++created}`);
        const ids = await inBatches(titles, CREATE_CONCURRENCY, (title) => api.createProposal(assemblyId, title));
        return inBatches(ids, CREATE_CONCURRENCY, (id) => api.syncAccess(id));
      },
      refreshAccess: (rooms: RoomAccess[]) => inBatches(rooms, CREATE_CONCURRENCY, (room) => api.syncAccess(room.room)),
      async restart() {
        const stopped = await server!.stop();
        notable.push(...server!.notable);
        if (stopped.code !== 0) notable.push(`stopped with code ${stopped.code} signal ${stopped.signal} after SIGTERM`);
        const started = await start();
        api.setPort(started.port);
        return { stopMs: stopped.ms, startMs: started.startMs };
      },
      notable: () => [...notable, ...server!.notable],
      async stop() {
        try {
          const stopped = await server!.stop();
          if (stopped.code !== 0) notable.push(`stopped with code ${stopped.code} signal ${stopped.signal} after SIGTERM`);
        } finally {
          removeDataDir();
          process.off('exit', removeDataDir);
          await database?.drop();
        }
      },
    };
  } catch (error) {
    await server?.stop(2_000).catch(() => undefined);
    removeDataDir();
    process.off('exit', removeDataDir);
    await database?.drop().catch(() => undefined);
    throw error;
  }
}
