import { io, type Socket } from 'socket.io-client';
import {
  ASSEMBLY_EVENT_TYPES,
  PROPOSAL_EVENT_TYPES,
  REALTIME_PATH,
  RESYNC,
  roomOf,
  SUBSCRIBE,
  UNSUBSCRIBE,
  type LiveEvent,
  type Subscription,
} from '@/core/realtime-events';

/** Every event name the tab listens for: those of assembly rooms and those of proposal rooms. */
const EVENT_TYPES: readonly LiveEvent['type'][] = [...new Set([...ASSEMBLY_EVENT_TYPES, ...PROPOSAL_EVENT_TYPES])];

/** Why the server refused a subscription (the ack's `error`). */
export interface LiveRefusal {
  code: string;
  message: string;
  reason?: string;
}

/** What the server answers to a subscription; `null` when it did not answer in time. */
export type LiveAck = { ok: true } | { ok: false; error: LiveRefusal } | null;

/**
 * The state of the tab's live connection:
 * - `idle`: nothing asked for live events yet;
 * - `connecting`: connecting, or joining rooms that were asked for;
 * - `live`: connected, and every room asked for is joined;
 * - `reconnecting`: the connection dropped and is being made again;
 * - `offline`: the browser is offline; it reconnects when it comes back;
 * - `closed`: the server refused or ended the connection (a session that ended);
 *   it is tried again when a page asks for a room.
 */
export type LiveConnection = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'closed';

/** The little of a socket.io client socket that {@link LiveClient} uses (a fake in unit tests). */
export interface LiveTransport {
  readonly connected: boolean;
  /** True while the socket connects or reconnects on its own. */
  readonly active: boolean;
  connect(): void;
  disconnect(): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  /** Emits and waits for the acknowledgement (null on timeout). */
  request(event: string, payload: unknown): Promise<LiveAck>;
}

type Refused = (error: LiveRefusal) => void;

interface Room {
  subscription: Subscription;
  holders: number;
  /** Whether the server confirmed the room on the current connection. */
  joined: boolean;
  /** Whether the server refused it on the current connection. */
  refusedNow: boolean;
  refused: Set<Refused>;
}

/** Shape check for what arrives from the wire: an object with a known type and an assembly id. */
function asEvent(payload: unknown): LiveEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, assemblyId } = payload as { type?: unknown; assemblyId?: unknown };
  if (typeof assemblyId !== 'string' || !(EVENT_TYPES as readonly unknown[]).includes(type)) return null;
  return payload as LiveEvent;
}

/** Whether an event concerns the given room: an assembly's room gets its events; a proposal's, those naming it. */
export function eventInRoom(event: LiveEvent, room: Subscription): boolean {
  if ('assemblyId' in room) return event.assemblyId === room.assemblyId;
  return 'proposalId' in event && event.proposalId === room.proposalId;
}

/**
 * The tab's live events: one socket, rooms counted by how many components
 * hold them (joined on the first, left after the last), and listeners for
 * events and reconnections. The socket reconnects on its own; after every
 * reconnection the rooms are joined again (a new connection starts with none),
 * then the reconnection listeners run, so that pages re-read what they may
 * have missed; they run too when the server says events may be missing
 * (RESYNC: its link to the other nodes was down).
 */
export class LiveClient {
  private readonly rooms = new Map<string, Room>();
  private readonly eventListeners = new Set<(event: LiveEvent) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly stateListeners = new Set<() => void>();
  private state: LiveConnection = 'idle';
  private everConnected = false;
  private online: boolean;

  constructor(
    private readonly transport: LiveTransport,
    online = true,
  ) {
    this.online = online;
    for (const type of EVENT_TYPES) {
      transport.on(type, (payload) => {
        const event = asEvent(payload);
        if (event) for (const listener of [...this.eventListeners]) listener(event);
      });
    }
    // The server lost its link to the other nodes for a while: events may be missing, as after a reconnection.
    transport.on(RESYNC, () => {
      for (const listener of [...this.reconnectListeners]) listener();
    });
    transport.on('connect', () => void this.onConnect());
    transport.on('disconnect', (reason) => {
      for (const room of this.rooms.values()) {
        room.joined = false;
        room.refusedNow = false;
      }
      // Ended by the server (a session that ended) or by this tab: socket.io does not retry those.
      if (!this.online) this.setState('offline');
      else this.setState(reason === 'io server disconnect' || reason === 'io client disconnect' ? 'closed' : 'reconnecting');
    });
    transport.on('connect_error', () => {
      // Refused at the door (no session any more) ends the attempts; a network failure retries.
      if (!this.online) this.setState('offline');
      else this.setState(transport.active ? 'reconnecting' : 'closed');
    });
  }

  /** The connection state, for {@link subscribeState} listeners. */
  getState = (): LiveConnection => this.state;

  /** Calls `listener` whenever {@link getState} changes. */
  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  /** Calls `listener` with every event of the rooms joined (filter by room with {@link eventInRoom}). */
  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Calls `listener` after every reconnection, once the rooms are joined again. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /**
   * Holds a room until the returned function is called. `onRefused` hears
   * when the server refuses it (say, a membership that ended), now or after
   * a reconnection.
   */
  join(subscription: Subscription, onRefused?: Refused): () => void {
    const key = roomOf(subscription);
    let room = this.rooms.get(key);
    if (!room) {
      room = { subscription, holders: 0, joined: false, refusedNow: false, refused: new Set() };
      this.rooms.set(key, room);
    }
    const held = room;
    held.holders += 1;
    if (onRefused) held.refused.add(onRefused);
    if (this.transport.connected) {
      if (held.holders === 1) void this.subscribe(key, held);
    } else {
      this.ensureConnecting();
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (onRefused) held.refused.delete(onRefused);
      held.holders -= 1;
      if (held.holders > 0) return;
      this.rooms.delete(key);
      if (held.joined && this.transport.connected) void this.transport.request(UNSUBSCRIBE, held.subscription);
      this.updateState();
    };
  }

  /** The browser went offline: drop the socket now rather than wait for heartbeats to time out. */
  goOffline(): void {
    this.online = false;
    this.transport.disconnect();
    this.setState('offline');
  }

  /** The browser is back online: reconnect if a page wants live events. */
  goOnline(): void {
    this.online = true;
    if (this.rooms.size > 0) this.ensureConnecting();
    else this.setState('idle');
  }

  private ensureConnecting(): void {
    if (!this.online) {
      this.setState('offline');
      return;
    }
    if (!this.transport.active) this.transport.connect();
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
  }

  private async onConnect(): Promise<void> {
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.updateState();
    await Promise.all([...this.rooms].map(([key, room]) => this.subscribe(key, room)));
    if (!reconnected || !this.transport.connected) return;
    for (const listener of [...this.reconnectListeners]) listener();
  }

  private async subscribe(key: string, room: Room): Promise<void> {
    this.updateState();
    const ack = await this.transport.request(SUBSCRIBE, room.subscription);
    const current = this.rooms.get(key);
    if (current !== room) {
      // Let go of while the server was answering: leave it again, unless it is held anew (its own subscription follows).
      if (!current && ack?.ok && this.transport.connected) void this.transport.request(UNSUBSCRIBE, room.subscription);
      return;
    }
    room.joined = ack?.ok === true;
    // Refused is settled too (nothing to wait for); no answer in time leaves it pending until the next connection.
    room.refusedNow = ack !== null && !ack.ok;
    this.updateState();
    if (ack && !ack.ok) for (const refused of [...room.refused]) refused(ack.error);
  }

  private updateState(): void {
    if (!this.transport.connected) return;
    const pending = [...this.rooms.values()].some((room) => !room.joined && !room.refusedNow);
    this.setState(pending ? 'connecting' : 'live');
  }

  private setState(next: LiveConnection): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.stateListeners]) listener();
  }
}

/** A socket.io client socket as a {@link LiveTransport}. */
export function socketTransport(socket: Socket, ackTimeoutMs = 10_000): LiveTransport {
  return {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    connect: () => void socket.connect(),
    disconnect: () => void socket.disconnect(),
    on: (event, listener) => void socket.on(event, listener),
    request: (event, payload) =>
      new Promise((resolve) => {
        socket.timeout(ackTimeoutMs).emit(event, payload, (error: Error | null, answer: LiveAck) => resolve(error ? null : answer));
      }),
  };
}

let shared: LiveClient | null = null;

/**
 * The tab's one live client, made on first use, in the browser only. Its
 * socket uses this origin and the session cookie, and reconnects on its own.
 */
export function liveClient(): LiveClient {
  if (typeof window === 'undefined') throw new Error('liveClient() runs in the browser only');
  if (shared) return shared;
  // Websocket only, no long-polling: behind a load balancer over several nodes, polling requests of one
  // session would need to reach the same node (sticky sessions); the live text needs websockets anyway.
  const socket = io({ path: REALTIME_PATH, withCredentials: true, autoConnect: false, transports: ['websocket'] });
  const client = new LiveClient(socketTransport(socket), navigator.onLine);
  // socket.io notices a lost network only by its heartbeat (and not at all on localhost): follow the browser instead.
  window.addEventListener('offline', () => client.goOffline());
  window.addEventListener('online', () => client.goOnline());
  shared = client;
  return client;
}
