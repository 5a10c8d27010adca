import type { PresenceIdentity } from '../../core/presence';

/** One client connection to a document, as the document sees it. */
export interface SyncPeer {
  /** Who is connected, from their session. */
  readonly identity: PresenceIdentity;
  /** Observers may read but not write: their updates are dropped. (Frozen texts are the document's business.) */
  readonly readOnly: boolean;
  /** Whether the client asked for the saved signal. */
  readonly wantsSaved: boolean;
  /** Sends a frame, unless the connection is closing. */
  send(frame: Uint8Array): void;
  /** Closes the connection with a close code of core/sync-protocol.ts. */
  close(code: number, reason: string): void;
}
