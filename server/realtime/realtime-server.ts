import type { Server as HttpServer } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { AppError, toAckError } from '../../core/errors';
import { isProposalEvent, REALTIME_PATH, RESYNC, roomOf, SUBSCRIBE, subscriptionSchema, UNSUBSCRIBE, type LiveEvent } from '../../core/realtime-events';
import type { RedisClients } from '../cluster/redis-clients';
import { logger } from '../logging/logger';
import { catchingPublisher } from '../cluster/catching-publisher';
import { refuse } from '../../core/refusals';
import type { Runtime } from '../runtime';
import { requireMembership } from '../services/membership-guard';
import { isSessionAlive } from '../services/session-alive';
import { findSyncAccess } from '../services/sync-access';
import { onEvent, onSessionEnded } from './event-bus';

interface SocketData {
  userId: string;
  sessionId: string;
  /** The assembly of each proposal room joined, so that leaving an assembly leaves its proposals too. */
  proposalAssemblies: Map<string, string>;
}

type Ack = (answer: unknown) => void;

/** The live-events endpoint. */
export interface RealtimeServer {
  io: Server;
  /**
   * After the link to the other nodes was lost: this node's sockets leave the
   * rooms they may no longer be in (those of an ended session are
   * disconnected), and all are told to re-read ({@link RESYNC}). Resolves with
   * whether every socket could be checked.
   */
  catchUp(): Promise<boolean>;
  close(): Promise<void>;
}

function userRoom(userId: string): string {
  return `user:${userId}`;
}

/**
 * socket.io on the app's HTTP server, with the same checks as HTTP: the
 * Origin must be this server's, the session cookie identifies the member, and
 * a room (an assembly's or a proposal's) is joined only by its members.
 * Committed events are pushed to their assembly's room; when a membership
 * ends, that member's sockets leave the assembly's rooms at once. With
 * several nodes (`redis`), rooms span the nodes through socket.io's Redis
 * adapter: the node where an event was committed emits it to every node's
 * sockets, so events heard from other nodes are not emitted again here.
 */
export function createRealtimeServer(httpServer: HttpServer, runtime: Runtime, redis?: RedisClients): RealtimeServer {
  const io = new Server<Record<string, never>, Record<string, (...args: unknown[]) => void>, Record<string, never>, SocketData>(httpServer, {
    path: REALTIME_PATH,
    serveClient: false,
    // No long-polling: its requests would need sticky sessions in front of several nodes.
    transports: ['websocket'],
    // Other upgrades (the sync endpoint, Next's dev server) are not socket.io's to end.
    destroyUpgrade: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || runtime.trustedOrigins.includes(origin));
    },
  });

  if (redis) io.adapter(createAdapter(catchingPublisher(redis.pub), redis.adapterSub, { key: 'plenary:socket.io' }));

  io.use(async (socket, next) => {
    try {
      const headers = socket.request.headers;
      if (!headers.cookie) throw refuse('SIGN_IN_REQUIRED');
      const session = await runtime.auth.api.getSession({ headers: fromNodeHeaders(headers) });
      if (!session) throw refuse('SIGN_IN_REQUIRED');
      socket.data.userId = session.user.id;
      socket.data.sessionId = session.session.id;
      socket.data.proposalAssemblies = new Map();
      await socket.join(userRoom(session.user.id));
      next();
    } catch (error) {
      const refusal = toAckError(error).error;
      next(Object.assign(new Error(refusal.message), { data: refusal }));
    }
  });

  io.on('connection', (socket: Socket) => {
    socket.on(SUBSCRIBE, (payload: unknown, ack?: Ack) => void subscribe(socket, payload, ack));
    socket.on(UNSUBSCRIBE, (payload: unknown, ack?: Ack) => {
      const parsed = subscriptionSchema.safeParse(payload);
      if (!parsed.success) return ack?.(toAckError(refuse('INVALID_INPUT')));
      void socket.leave(roomOf(parsed.data));
      if ('proposalId' in parsed.data) (socket.data as SocketData).proposalAssemblies.delete(parsed.data.proposalId);
      ack?.({ ok: true });
    });
  });

  async function subscribe(socket: Socket, payload: unknown, ack?: Ack) {
    try {
      const parsed = subscriptionSchema.safeParse(payload);
      if (!parsed.success) throw refuse('INVALID_INPUT');
      const userId = (socket.data as SocketData).userId;
      if ('assemblyId' in parsed.data) {
        await requireMembership(runtime.db, parsed.data.assemblyId, userId);
      } else {
        const access = await findSyncAccess(runtime.db, userId, parsed.data.proposalId);
        if (!access) throw refuse('PROPOSAL_NOT_FOUND');
        (socket.data as SocketData).proposalAssemblies.set(parsed.data.proposalId, access.assemblyId);
      }
      await socket.join(roomOf(parsed.data));
      ack?.({ ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) logger().error({ component: 'realtime', err: error }, 'subscribe failed');
      ack?.(toAckError(error));
    }
  }

  // Each node acts on its own sockets (io.local: no round trip through Redis, so it works while Redis is
  // away), for the events committed here and those heard from other nodes alike.
  async function leaveAssembly(userId: string, assemblyId: string) {
    for (const socket of await io.local.in(userRoom(userId)).fetchSockets()) {
      socket.leave(roomOf({ assemblyId }));
      const data = socket.data as SocketData;
      for (const [proposalId, ofAssembly] of data.proposalAssemblies) {
        if (ofAssembly !== assemblyId) continue;
        socket.leave(roomOf({ proposalId }));
        data.proposalAssemblies.delete(proposalId);
      }
    }
  }

  const stopListening = onEvent((event: LiveEvent, heard) => {
    const gone = event.type === 'member.removed' || event.type === 'member.left';
    // The node where the change was committed emits it to every node's sockets (the adapter).
    if (!heard.fromOtherNode) {
      if (isProposalEvent(event)) io.to(roomOf({ proposalId: event.proposalId })).emit(event.type, event);
      // The member who is gone is told too (personal room; once, even if also in the assembly's room).
      else if (gone) io.to(roomOf({ assemblyId: event.assemblyId })).to(userRoom(event.userId)).emit(event.type, event);
      else io.to(roomOf({ assemblyId: event.assemblyId })).emit(event.type, event);
    }
    // Then that member's sockets on every node stop receiving the assembly's events.
    if (gone) {
      leaveAssembly(event.userId, event.assemblyId).catch((error: unknown) =>
        logger().error({ component: 'realtime', err: error, userId: event.userId, assemblyId: event.assemblyId }, 'could not end a removed member\'s rooms'),
      );
    }
  });

  const stopListeningToSessions = onSessionEnded(({ userId, sessionId }) => {
    io.local
      .in(userRoom(userId))
      .fetchSockets()
      .then((sockets) => sockets.filter((s) => (s.data as SocketData).sessionId === sessionId).forEach((s) => s.disconnect(true)))
      .catch((error: unknown) => logger().error({ component: 'realtime', err: error, userId }, 'could not end a session\'s sockets'));
  });

  /** Whether this node's socket may still be in `room` (checked again after the link to the other nodes was lost). */
  async function mayStayIn(data: SocketData, room: string): Promise<boolean> {
    if (room.startsWith('assembly:')) {
      // Not a member: refused with an AppError; anything else (the database away) is thrown on.
      return requireMembership(runtime.db, room.slice('assembly:'.length), data.userId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof AppError) return false;
          throw error;
        },
      );
    }
    if (room.startsWith('proposal:')) return Boolean(await findSyncAccess(runtime.db, data.userId, room.slice('proposal:'.length)));
    return true;
  }

  /** Checks one socket again: its session, then each of its rooms. False when the database could not answer. */
  async function recheck(socket: Socket): Promise<boolean> {
    const data = socket.data as SocketData;
    try {
      if (!(await isSessionAlive(runtime.db, data.sessionId, data.userId))) {
        socket.disconnect(true);
        return true;
      }
      for (const room of socket.rooms) {
        if (await mayStayIn(data, room)) continue;
        await socket.leave(room);
        if (room.startsWith('proposal:')) data.proposalAssemblies.delete(room.slice('proposal:'.length));
      }
      return true;
    } catch {
      return false;
    }
  }

  return {
    io,
    async catchUp() {
      const checks = await Promise.all([...io.of('/').sockets.values()].map(recheck));
      io.local.emit(RESYNC);
      return checks.every(Boolean);
    },
    async close() {
      stopListening();
      stopListeningToSessions();
      io.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which the composition root owns.
      io.engine.close();
    },
  };
}
