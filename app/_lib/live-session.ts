import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SYNC_CLOSE, SYNC_SAVED_PARAM } from '@/core/sync-protocol';
import type { DurableState } from '@/core/durability';
import { listenForDurableState, LocalEdits } from './durable-state';
import { wsUrl } from './ws-url';

/** How the tab is connected to the sync server. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** Whether this tab's edits are stored: `saving` while connected, `unsaved` while not. */
export type SaveState = 'saved' | 'saving' | 'unsaved';

/** A final close by the server (4400-4499): the client stopped retrying. */
export interface FinalClose {
  code: number;
  reason: string;
}

/** What the page shows about the session; a new object only when something changed. */
export interface LiveSnapshot {
  connection: ConnectionState;
  save: SaveState;
  /** Whether the server's text has arrived at least once (before that, the editor shows nothing real). */
  loaded: boolean;
  closed: FinalClose | null;
  /**
   * How many times the server closed with "try again later" (4503), which it
   * also does when the member's role changed: the page re-reads what it may do.
   */
  retries: number;
}

let sessions = 0;

/**
 * Whether a final close means "the text is frozen and this tab holds edits
 * it lacks" (4409): the tab must drop its document and read the frozen text
 * again in a new session, since the stock client never reconnects after it.
 */
export function isDiscardClose(close: FinalClose | null): boolean {
  return close?.code === SYNC_CLOSE.frozen;
}

/**
 * One tab's session on a proposal's text: the Y.Doc, its y-websocket
 * provider, and the state a member needs to trust what they see. The text is
 * "saved" only when the server's durable state (state vector and delete set,
 * from its saved signal) covers every insertion and deletion this tab made;
 * going offline (as the browser reports it) drops the socket at
 * once, so that the indicator does not wait for a timeout to admit it.
 */
export class LiveSession {
  /** Distinct per session of this page, for React keys. */
  readonly key = String(++sessions);
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private durable: DurableState | undefined;
  private readonly localEdits = new LocalEdits();
  private everConnected = false;
  private loaded = false;
  private closed: FinalClose | null = null;
  private retries = 0;
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private snapshot: LiveSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly stopDurable: () => void;

  constructor(proposalId: string) {
    this.provider = new WebsocketProvider(wsUrl('/yjs'), proposalId, this.doc, {
      // Not yet: the saved-signal handlers must be in place before the first message arrives.
      connect: false,
      // Tabs of one browser must not exchange edits around the server and its read-only rules.
      disableBc: true,
      params: { [SYNC_SAVED_PARAM]: '1' },
    });
    this.snapshot = this.compute();
    this.stopDurable = listenForDurableState(this.provider, (durable) => {
      this.durable = durable;
      this.localEdits.prune(durable);
      this.refresh();
    });
    this.doc.on('update', this.onUpdate);
    this.provider.on('status', this.onStatus);
    this.provider.on('sync', this.onSync);
    this.provider.on('closed', this.onClosed);
    this.provider.on('connection-close', this.onConnectionClose);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    if (this.online) this.provider.connect();
  }

  /** Subscribes to snapshot changes (for `useSyncExternalStore`). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (for `useSyncExternalStore`). */
  getSnapshot = (): LiveSnapshot => this.snapshot;

  /**
   * Ends the session when the page no longer shows it. Edits not yet saved
   * keep it connected (without presence) until they are, or until the server
   * ends it for good: an in-app link does not fire `beforeunload`, and
   * leaving the proposal must not drop what was just typed.
   */
  release(): void {
    this.provider.awareness.setLocalState(null);
    const settled = () => this.snapshot.save === 'saved' || this.snapshot.closed !== null;
    if (settled()) return this.destroy();
    const stop = this.subscribe(() => {
      if (!settled()) return;
      stop();
      this.destroy();
    });
  }

  /** Closes the connection and frees the document. */
  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.doc.off('update', this.onUpdate);
    this.stopDurable();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) this.localEdits.record(transaction);
    this.refresh();
  };

  private onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status === 'connected') this.everConnected = true;
    this.refresh();
  };

  private onSync = (synced: boolean) => {
    if (synced) this.loaded = true;
    this.refresh();
  };

  private onClosed = (event: FinalClose) => {
    this.closed = { code: event.code, reason: event.reason };
    this.refresh();
  };

  private onConnectionClose = (event: CloseEvent | null) => {
    if (event?.code !== SYNC_CLOSE.retryLater) return;
    this.retries++;
    this.refresh();
  };

  private onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.snapshot.save === 'saved') return;
    // Browsers show their own wording; asking is all a page can do.
    event.preventDefault();
    event.returnValue = '';
  };

  private onOnline = () => {
    this.online = true;
    // A final close stays final: only a reload (after signing in again, say) reconnects.
    if (!this.closed) this.provider.connect();
    this.refresh();
  };

  private onOffline = () => {
    this.online = false;
    // Edits stay in the document and are sent by the sync exchange of the next connection.
    this.provider.disconnect();
    this.refresh();
  };

  private connection(): ConnectionState {
    if (this.closed) return 'closed';
    if (!this.online) return 'offline';
    if (this.provider.wsconnected && this.provider.synced) return 'connected';
    return this.everConnected ? 'reconnecting' : 'connecting';
  }

  private compute(): LiveSnapshot {
    const connection = this.connection();
    const save: SaveState = this.localEdits.isCoveredBy(this.doc, this.durable)
      ? 'saved'
      : connection === 'connected'
        ? 'saving'
        : 'unsaved';
    return { connection, save, loaded: this.loaded, closed: this.closed, retries: this.retries };
  }

  private refresh(): void {
    const next = this.compute();
    const prev = this.snapshot;
    const same = (Object.keys(next) as (keyof LiveSnapshot)[]).every((key) => next[key] === prev[key]);
    if (same) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
