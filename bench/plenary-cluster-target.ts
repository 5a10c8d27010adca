import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlenaryApi, type RoomAccess } from './plenary-api';
import { CREATE_CONCURRENCY, inBatches, startPlenaryNode, type PlenaryNode } from './plenary-node';
import { createFreshDatabase } from './postgres-db';
import { postgresPids } from './proc-stats';
import { startRedis, type RedisProcess } from './redis-process';
import type { BenchTarget, TargetOptions } from './target';

/** `latency-run1-plenary-nodes.log` → `latency-run1-plenary-nodes-<part>.log`. */
function partLog(logFile: string, part: string): string {
  return logFile.replace(/(\.log)?$/, `-${part}.log`);
}

/**
 * Starts Plenary as `options.nodes` processes (`node --import tsx server/main.ts`,
 * NODE_ENV=production, each on its own free loopback port) that share one fresh
 * PostgreSQL database and one redis-server of the bench's own, with one
 * AUTH_SECRET and NODE_NAME node-1, node-2, …; node 1 starts first (it migrates
 * the database), then the others together. A member signs up on node 1, which
 * also makes the rooms and their sync tokens: sessions and tokens hold on every
 * node, so client `i` of a room opens it on node `i mod nodes`.
 */
export async function startPlenaryClusterTarget(options: TargetOptions): Promise<BenchTarget> {
  if (options.nodes < 2) throw new Error('plenary-nodes needs at least two nodes');
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-bench-nodes-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir); // also when the bench is interrupted
  const database = await createFreshDatabase(options.databaseUrl);
  let redis: RedisProcess | undefined;
  const nodes: PlenaryNode[] = [];
  const notable: string[] = [];

  const stopAll = async (graceMs?: number) => {
    const stopped = await Promise.all(nodes.map((node) => node.server.stop(graceMs)));
    stopped.forEach((result, i) => {
      if (result.code !== 0) notable.push(`node-${i + 1} stopped with code ${result.code} signal ${result.signal} after SIGTERM`);
    });
  };
  const cleanUp = async () => {
    try {
      await redis?.stop();
    } finally {
      removeDataDir();
      process.off('exit', removeDataDir);
      await database.drop();
    }
  };

  try {
    redis = await startRedis(partLog(options.logFile, 'redis'));
    const authSecret = randomBytes(32).toString('hex');
    const startNode = async (index: number) => {
      const nodeName = `node-${index + 1}`;
      const node = await startPlenaryNode({
        dataDir: join(dataDir, nodeName),
        database: database.env,
        cluster: { redisUrl: redis!.url, authSecret, nodeName },
        logFile: partLog(options.logFile, nodeName),
      });
      nodes[index] = node;
    };
    await startNode(0);
    // The others together; wait for all of them, so that none is left running when one fails.
    const others = await Promise.allSettled(Array.from({ length: options.nodes - 1 }, (_, i) => startNode(i + 1)));
    for (const other of others) if (other.status === 'rejected') throw other.reason;

    const api = new PlenaryApi(nodes[0].port);
    await api.signUp();
    const assemblyId = await api.createAssembly('Bench assembly');
    let created = 0;
    const processes = () => ({ nodes: nodes.map((node) => node.server.pid), redis: [redis!.pid], postgres: postgresPids() });

    return {
      kind: 'plenary-nodes',
      protocol: 'y-websocket',
      persists: true,
      unloadAfterMs: 30_000,
      cpuPids: () => Object.values(processes()).flat(),
      processes,
      serverPid: () => nodes[0].server.pid,
      collectGarbage: () => Promise.all(nodes.map((node) => node.server.collectGarbage())).then(() => undefined),
      async createRooms(count) {
        const titles = Array.from({ length: count }, () => `Bench text ${++created}`);
        const ids = await inBatches(titles, CREATE_CONCURRENCY, (title) => api.createProposal(assemblyId, title));
        return inBatches(ids, CREATE_CONCURRENCY, (id) => api.syncAccess(id));
      },
      clientAccess(room: RoomAccess, client: number): RoomAccess {
        return { ...room, url: `ws://127.0.0.1:${nodes[client % nodes.length].port}/yjs` };
      },
      refreshAccess: (rooms: RoomAccess[]) => inBatches(rooms, CREATE_CONCURRENCY, (room) => api.syncAccess(room.room)),
      restart: () => Promise.reject(new Error('the bench does not restart a multi-node Plenary')),
      notable: () => [...notable, ...nodes.flatMap((node, i) => node.server.notable.map((line) => `node-${i + 1}: ${line}`))],
      async stop() {
        try {
          await stopAll();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await stopAll(2_000).catch(() => undefined);
    await cleanUp().catch(() => undefined);
    throw error;
  }
}
