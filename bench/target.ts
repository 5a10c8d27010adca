import type { RoomAccess } from './plenary-api';

/** The servers compared by default, in the order they run within each round. */
export const SERVER_KINDS = ['plenary', 'y-websocket-server', 'hocuspocus'] as const;

/**
 * One of the compared servers: Plenary as one process (PGlite or PostgreSQL),
 * Plenary as several nodes on PostgreSQL and Redis (`--nodes N`), or one of the
 * two single-process reference servers.
 */
export type ServerKind = 'plenary' | 'plenary-nodes' | 'y-websocket-server' | 'hocuspocus';

/** The servers of one bench invocation, in the order they run within each round. */
export function serverKinds(nodes: number): ServerKind[] {
  return nodes > 1 ? ['plenary', 'plenary-nodes', 'y-websocket-server', 'hocuspocus'] : [...SERVER_KINDS];
}

/** Column title of a server (`nodes`: the node count of `plenary-nodes`). */
export function serverTitle(kind: ServerKind, nodes: number): string {
  if (kind === 'plenary') return nodes > 1 ? 'Plenary, 1 node' : 'Plenary';
  if (kind === 'plenary-nodes') return `Plenary, ${nodes} nodes`;
  return kind === 'hocuspocus' ? 'Hocuspocus' : '@y/websocket-server';
}

/** Which client library speaks to a server: the stock y-websocket provider or Hocuspocus's own. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus';

/** A target's processes by role, for CPU and memory figures split by role. */
export interface TargetProcesses {
  /** The Node server process(es): one, or one per node in node order. */
  nodes: number[];
  /** The bench's own redis-server (several nodes only). */
  redis: number[];
  /** Every process named `postgres` (Plenary on PostgreSQL only). */
  postgres: number[];
}

/** A running server under test, as a scenario sees it. */
export interface BenchTarget {
  readonly kind: ServerKind;
  readonly protocol: ClientProtocol;
  /** Whether the server keeps documents across a restart (only Plenary does). */
  readonly persists: boolean;
  /** How long a room stays in memory after its last client left (Plenary: SYNC_IDLE_UNLOAD_SECONDS, default 30 s). */
  readonly unloadAfterMs: number;
  /** Processes whose CPU counts as the server's (the server; with PostgreSQL and Redis, their processes too). */
  cpuPids(): number[];
  /** The same processes by role. */
  processes(): TargetProcesses;
  /** The server process, whose RSS is measured (node 1 of several). */
  serverPid(): number;
  /** Runs full garbage collections in the server process(es) and waits until RSS holds still, before an RSS reading. */
  collectGarbage(): Promise<void>;
  /** Makes `count` new, empty rooms and returns how to open each. */
  createRooms(count: number): Promise<RoomAccess[]>;
  /**
   * Where client number `client` of a room opens it: the room itself, or with
   * several nodes the same room and token on node `client mod nodes`.
   */
  clientAccess?(room: RoomAccess, client: number): RoomAccess;
  /** Fresh access to the same rooms (new sync tokens for Plenary). */
  refreshAccess(rooms: RoomAccess[]): Promise<RoomAccess[]>;
  /** Stops the server cleanly (SIGTERM) and starts it again on the same data. Only when `persists`. */
  restart(): Promise<{ stopMs: number; startMs: number }>;
  /** Output lines worth reporting (errors, warnings) since start. */
  notable(): string[];
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

/** How to start targets for one bench invocation. */
export interface TargetOptions {
  db: 'pglite' | 'postgres';
  /** PostgreSQL server for `--db postgres`. */
  databaseUrl: string;
  /** Node processes of `plenary-nodes` (2 to 4). */
  nodes: number;
  /** Log file of this server's output (with several nodes, one file per node and one for Redis are named after it). */
  logFile: string;
}
