import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RoomAccess } from './plenary-api';
import type { ClientProtocol } from './target';

/** A connection the server closed (or that failed) while the client was meant to be open. */
export interface CloseRecord {
  code: number;
  reason: string;
}

/** One simulated collaborator: its own Y.Doc and the stock provider for the server's protocol. */
export interface BenchClient {
  readonly doc: Y.Doc;
  /** The server URL it connects to (with several nodes: its node's). */
  readonly url: string;
  /** Resolves when the provider reports its first complete sync. */
  readonly synced: Promise<void>;
  /** Stops the provider (no reconnection) and frees the document. */
  destroy(): void;
}

/**
 * Opens a client on `room`: the stock y-websocket `WebsocketProvider` (with
 * the `ws` package as WebSocket, BroadcastChannel off, the token as query
 * parameter when there is one), or Hocuspocus's own `HocuspocusProvider` with
 * the same polyfill. Unexpected closes are passed to `onClose`.
 */
export function createBenchClient(protocol: ClientProtocol, room: RoomAccess, onClose: (close: CloseRecord) => void): BenchClient {
  const doc = new Y.Doc();
  let destroyed = false;
  let markSynced!: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const closed = (code: number | undefined, reason: string | undefined) => {
    if (!destroyed) onClose({ code: code ?? 0, reason: reason ?? '' });
  };

  if (protocol === 'hocuspocus') {
    const provider = new HocuspocusProvider({ url: room.url, name: room.room, document: doc, WebSocketPolyfill: WebSocket });
    provider.on('synced', ({ state }: { state: boolean }) => state && markSynced());
    provider.on('close', ({ event }: { event: { code?: number; reason?: string } }) => closed(event?.code, event?.reason));
    return {
      doc,
      url: room.url,
      synced,
      destroy() {
        destroyed = true;
        provider.destroy();
        doc.destroy();
      },
    };
  }

  const provider = new WebsocketProvider(room.url, room.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: room.token ? { token: room.token } : {},
    disableBc: true,
  });
  provider.on('sync', (state: boolean) => state && markSynced());
  provider.on('connection-close', (event) => closed(event?.code, event?.reason));
  provider.on('connection-error', () => closed(-1, 'connection error'));
  return {
    doc,
    url: room.url,
    synced,
    destroy() {
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}
