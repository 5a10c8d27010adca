import type { WebSocket } from 'ws';
import type { PresenceIdentity } from '../../core/presence';
import { toCloseCode } from '../../core/errors';
import { SYNC_CLOSE } from '../../core/sync-protocol';
import { logger } from '../logging/logger';
import type { SyncDocument } from './sync-document';
import type { SyncPeer } from './sync-peer';
import { MalformedMessageError, parseClientMessage } from './sync-message';

/** Bytes a slow client may leave unread before it is disconnected (it resyncs on reconnect). */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/** Who is on the other end and what they may do. */
export interface ConnectionGrant {
  /** The assembly whose membership admitted the connection. */
  assemblyId: string;
  /** The session that opened it (directly, or through a sync token). */
  sessionId: string;
  identity: PresenceIdentity;
  readOnly: boolean;
  wantsSaved: boolean;
}

/**
 * A websocket joined to a document: decodes each frame completely, hands it
 * to the document, and closes only this connection on a malformed (4400) or
 * oversized (4413) frame, leaving the others undisturbed.
 */
export class SyncConnection implements SyncPeer {
  readonly identity: PresenceIdentity;
  readonly readOnly: boolean;
  readonly wantsSaved: boolean;
  readonly assemblyId: string;
  readonly sessionId: string;
  private closed = false;

  /** The proposal whose text this connection edits. */
  get proposalId(): string {
    return this.document.proposalId;
  }

  constructor(
    private readonly socket: WebSocket,
    private readonly document: SyncDocument,
    grant: ConnectionGrant,
    private readonly maxMessageBytes: number,
  ) {
    this.identity = grant.identity;
    this.readOnly = grant.readOnly;
    this.wantsSaved = grant.wantsSaved;
    this.assemblyId = grant.assemblyId;
    this.sessionId = grant.sessionId;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.close(SYNC_CLOSE.malformed, 'protocol error'));
  }

  /** Joins the document; false if it refused (full). */
  join(): boolean {
    return this.document.addPeer(this);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.close(SYNC_CLOSE.malformed, 'text frames are not part of the protocol');
    if (data.length > this.maxMessageBytes) return this.close(SYNC_CLOSE.tooLarge, 'message too large');
    try {
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      this.document.handle(this, parseClientMessage(frame));
    } catch (error) {
      if (error instanceof MalformedMessageError) return this.close(SYNC_CLOSE.malformed, error.message);
      logger().error({ component: 'sync', err: error, proposalId: this.proposalId }, 'failed to handle a message');
      const { code, reason } = toCloseCode(error);
      this.close(code, reason);
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(SYNC_CLOSE.retryLater, 'too far behind; reconnect to resync');
      return;
    }
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.document.removePeer(this);
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
    }
  }

  /** Ends a connection that missed its heartbeat. */
  terminate(): void {
    this.dispose();
    this.socket.terminate();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.document.removePeer(this);
  }
}
