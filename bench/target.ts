import type { RoomAccess } from './plenary-api';

/** The servers compared, in the order they run within each round. */
export const SERVER_KINDS = ['plenary', 'y-websocket-server', 'hocuspocus'] as const;

/** One of the compared servers. */
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Column titles of the servers. */
export const SERVER_TITLES: Record<ServerKind, string> = {
  plenary: 'Plenary',
  'y-websocket-server': '@y/websocket-server',
  hocuspocus: 'Hocuspocus',
};

/** Which client library speaks to a server: the stock y-websocket provider or Hocuspocus's own. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus';

/** A running server under test, as a scenario sees it. */
export interface BenchTarget {
  readonly kind: ServerKind;
  readonly protocol: ClientProtocol;
  /** Whether the server keeps documents across a restart (only Plenary does). */
  readonly persists: boolean;
  /** How long a room stays in memory after its last client left (Plenary: SYNC_IDLE_UNLOAD_SECONDS, default 30 s). */
  readonly unloadAfterMs: number;
  /** Processes whose CPU counts as the server's (the server; with PostgreSQL, its processes too). */
  cpuPids(): number[];
  /** The server process, whose RSS is measured. */
  serverPid(): number;
  /** Runs a full garbage collection in the server and waits a moment, before an RSS reading. */
  collectGarbage(): Promise<void>;
  /** Makes `count` new, empty rooms and returns how to open each. */
  createRooms(count: number): Promise<RoomAccess[]>;
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
  /** Log file of this server's output. */
  logFile: string;
}
