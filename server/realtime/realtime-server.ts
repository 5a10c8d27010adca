import type { Server as HttpServer } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import { Server, type Socket } from 'socket.io';
import { AppError, toAckError } from '../../core/errors';
import { isProposalEvent, REALTIME_PATH, roomOf, SUBSCRIBE, subscriptionSchema, UNSUBSCRIBE, type LiveEvent } from '../../core/realtime-events';
import { refuse } from '../../core/refusals';
import type { Runtime } from '../runtime';
import { requireMembership } from '../services/membership-guard';
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
 * ends, that member's sockets leave the assembly's rooms at once.
 */
export function createRealtimeServer(httpServer: HttpServer, runtime: Runtime): RealtimeServer {
  const io = new Server<Record<string, never>, Record<string, (...args: unknown[]) => void>, Record<string, never>, SocketData>(httpServer, {
    path: REALTIME_PATH,
    serveClient: false,
    // Other upgrades (the sync endpoint, Next's dev server) are not socket.io's to end.
    destroyUpgrade: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || runtime.trustedOrigins.includes(origin));
    },
  });

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
      if (!(error instanceof AppError)) console.error('[realtime] subscribe failed:', error);
      ack?.(toAckError(error));
    }
  }

  async function leaveAssembly(userId: string, assemblyId: string) {
    for (const socket of await io.in(userRoom(userId)).fetchSockets()) {
      socket.leave(roomOf({ assemblyId }));
      const data = socket.data as SocketData;
      for (const [proposalId, ofAssembly] of data.proposalAssemblies) {
        if (ofAssembly !== assemblyId) continue;
        socket.leave(roomOf({ proposalId }));
        data.proposalAssemblies.delete(proposalId);
      }
    }
  }

  const stopListening = onEvent((event: LiveEvent) => {
    if (isProposalEvent(event)) {
      io.to(roomOf({ proposalId: event.proposalId })).emit(event.type, event);
      return;
    }
    const assemblyRoom = roomOf({ assemblyId: event.assemblyId });
    if (event.type === 'member.removed' || event.type === 'member.left') {
      // The member who is gone is told too (personal room; once, even if also in the assembly's room),
      // then stops receiving the assembly's events.
      io.to(assemblyRoom).to(userRoom(event.userId)).emit(event.type, event);
      void leaveAssembly(event.userId, event.assemblyId);
    } else {
      io.to(assemblyRoom).emit(event.type, event);
    }
  });

  const stopListeningToSessions = onSessionEnded(({ userId, sessionId }) => {
    void io
      .in(userRoom(userId))
      .fetchSockets()
      .then((sockets) => sockets.filter((s) => (s.data as SocketData).sessionId === sessionId).forEach((s) => s.disconnect(true)));
  });

  return {
    io,
    async close() {
      stopListening();
      stopListeningToSessions();
      io.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which the composition root owns.
      io.engine.close();
    },
  };
}
