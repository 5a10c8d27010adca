import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SYNC_CLOSE } from '../../core/sync-protocol';
import { logger } from '../logging/logger';
import { onEvent, onSessionEnded } from '../realtime/event-bus';
import type { Runtime } from '../runtime';
import { TEXT_FROZEN_STATUSES } from '../../core/proposal-status';
import { findSyncAccess } from '../services/sync-access';
import { DocumentRegistry } from './document-registry';
import { loadText } from './document-store';
import { admitSyncRequest } from './sync-admission';
import { SyncConnection } from './sync-connection';
import type { TextRelay } from '../cluster/text-relay';

/** How often connections are pinged; one that has not answered since the last ping is dropped. */
const HEARTBEAT_MS = 30_000;

/** The sync endpoint (`/yjs/<proposalId>`): stock y-websocket protocol, durable before relay. */
export interface SyncServer {
  /** Takes over an HTTP upgrade request for `/yjs/*`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** The loaded documents. */
  readonly registry: DocumentRegistry;
  /** Number of open sync connections (for metrics). */
  readonly connectionCount: number;
  /**
   * Runs the admission and load queries once on nothing, so that the first
   * client after a start does not pay for cold database caches and code paths.
   */
  warmUp(): Promise<void>;
  /**
   * After the link to the other nodes was lost: reads back every loaded
   * text's missed updates, and checks every connection's membership and
   * session again (a removal announced meanwhile went unheard). Resolves
   * with whether every text and every connection could be checked.
   */
  catchUp(): Promise<boolean>;
  /** Closes every connection with 1001 (clients reconnect elsewhere or later), stores what is pending. */
  close(): Promise<void>;
}

/** Creates the sync server over the runtime's database, with the configured limits. */
export function createSyncServer(runtime: Runtime, relay?: TextRelay): SyncServer {
  const limits = runtime.config.sync;
  // Frames over the message limit, up to the document limit, still arrive so that they are refused with
  // 4413, which tells the stock client to stop; ws's own 1009 (beyond) would make it resend forever.
  const maxPayload = Math.max(limits.maxMessageBytes * 2, limits.maxDocumentBytes) + 1024;
  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
  const registry = new DocumentRegistry(runtime.db, runtime.appendLog, limits, relay);
  relay?.listen((proposalId, message) => {
    const doc = registry.peek(proposalId);
    if (!doc) return;
    if (message.kind === 'update') doc.receiveRemoteUpdate(message.seq, message.update);
    else if (message.kind === 'awareness') doc.receiveRemoteAwareness(message.node, message.update);
    else if (message.kind === 'head') doc.receiveRemoteHead(message.seq);
    else doc.answerPresenceQuery();
  });
  const connections = new Map<WebSocket, SyncConnection>();
  const alive = new WeakSet<WebSocket>();
  let closing = false;

  const heartbeat = setInterval(() => {
    for (const [socket, connection] of connections) {
      if (!alive.has(socket)) {
        connection.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // Membership is checked when a connection opens; when it ends or changes, the open connections follow.
  // A session that ended may have been replaced at once (a password change issues a new one): close
  // with "try again", so that the client's reconnect is admitted with a valid cookie or refused with 4401.
  const stopListeningToSessions = onSessionEnded(({ sessionId }) => {
    for (const connection of connections.values()) {
      if (connection.sessionId === sessionId) connection.close(SYNC_CLOSE.retryLater, 'session ended; reconnect to sign in again');
    }
  });
  const stopListening = onEvent((event) => {
    if (followStatus(event)) return;
    if (event.type !== 'member.removed' && event.type !== 'member.left' && event.type !== 'member.role_changed') return;
    const [code, reason] =
      event.type === 'member.role_changed'
        ? [SYNC_CLOSE.retryLater, 'your role changed; reconnecting applies it']
        : [SYNC_CLOSE.forbidden, 'you are no longer a member of this assembly'];
    for (const connection of connections.values()) {
      if (connection.assemblyId === event.assemblyId && connection.identity.id === event.userId) connection.close(code, reason);
    }
  });

  // A status change tells a loaded text at once whether it is frozen, so that a frozen one drops what adds
  // nothing without asking the database; the append's own check decides the rest (see log-appender.ts).
  // Read loosely: the lifecycle services publish 'proposal.status_changed' after their commit.
  function followStatus(event: object): boolean {
    const changed = event as { type?: string; proposalId?: string; status?: string };
    if (changed.type !== 'proposal.status_changed' || !changed.proposalId || !changed.status) return false;
    registry.peek(changed.proposalId)?.markFrozen((TEXT_FROZEN_STATUSES as readonly string[]).includes(changed.status));
    return true;
  }

  /** Completes the upgrade only to close at once: browsers see a refused upgrade as 1006 and retry forever. */
  function refuse(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string) {
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  }

  async function admit(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const admission = await admitSyncRequest(req, runtime);
    if (!admission.ok) return refuse(req, socket, head, admission.code, admission.reason);
    const doc = registry.acquire(admission.proposalId);
    try {
      try {
        await doc.ready;
      } catch (error) {
        logger().error({ component: 'sync', err: error, proposalId: admission.proposalId }, 'could not load a text');
        return refuse(req, socket, head, SYNC_CLOSE.retryLater, 'the text could not be loaded; try again');
      }
      if (closing || socket.destroyed) return socket.destroy();
      await new Promise<void>((done) => {
        wss.handleUpgrade(req, socket, head, (ws) => {
          const connection = new SyncConnection(ws, doc, admission, limits.maxMessageBytes);
          alive.add(ws);
          ws.on('pong', () => alive.add(ws));
          ws.on('close', () => connections.delete(ws));
          if (connection.join()) connections.set(ws, connection);
          done();
        });
      });
    } finally {
      registry.release(doc);
    }
  }

  return {
    registry,
    get connectionCount() {
      return connections.size;
    },
    async catchUp() {
      const texts = await Promise.all(
        registry.loaded().map(async (doc) => {
          const ok = await doc.catchUp();
          // What this node published while the link was down is lost: the others learn how far it got.
          relay?.publishHead(doc.proposalId, doc.appliedSeq);
          return ok;
        }),
      );
      const checks = await Promise.all(
        [...connections.values()].map(async (connection) => {
          const access = await findSyncAccess(runtime.db, connection.identity.id, connection.proposalId, connection.sessionId).catch(() => 'unknown' as const);
          if (access === 'unknown') return false; // The database is away too: checked again on the retry.
          if (!access) connection.close(SYNC_CLOSE.forbidden, 'you are no longer a member of this assembly');
          else if (!access.sessionAlive) connection.close(SYNC_CLOSE.retryLater, 'session ended; reconnect to sign in again');
          else if ((access.role === 'observer') !== connection.readOnly) connection.close(SYNC_CLOSE.retryLater, 'your role changed; reconnecting applies it');
          return true;
        }),
      );
      return [...texts, ...checks].every(Boolean);
    },
    async warmUp() {
      await findSyncAccess(runtime.db, '-', '-', '-');
      await loadText(runtime.db, '-');
    },
    handleUpgrade(req, socket, head) {
      // Errors of a socket still being admitted must not crash the server.
      socket.on('error', () => undefined);
      if (closing) {
        socket.destroy();
        return;
      }
      admit(req, socket, head).catch((error: unknown) => {
        logger().error({ component: 'sync', err: error, url: req.url }, 'upgrade failed');
        if (!socket.destroyed) refuse(req, socket, head, SYNC_CLOSE.retryLater, 'try again');
      });
    },
    async close() {
      closing = true;
      clearInterval(heartbeat);
      stopListening();
      stopListeningToSessions();
      // Store what is in flight first, so that the 1001 reaches clients whose edits are safe.
      await registry.committer.idle();
      for (const connection of connections.values()) connection.close(SYNC_CLOSE.goingAway, 'server shutting down');
      connections.clear();
      await registry.closeAll();
      await new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
