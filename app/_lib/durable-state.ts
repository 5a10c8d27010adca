import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { covered, readDurableState, type DurableState } from '@/core/durability';
import { MESSAGE } from '@/core/sync-protocol';

type Range = [clock: number, length: number];

/**
 * What this tab changed in the text: the client ids it inserted under (Yjs
 * may change `doc.clientID` after a collision) and the ranges it deleted
 * (deleting inserts nothing, so the state vector alone would call a deletion
 * saved at once). Only this tab's edits count: whatever arrived from the
 * server was committed before it was relayed, so checking it too would only
 * make the indicator flicker while others type.
 */
export class LocalEdits {
  private readonly clients = new Set<number>();
  private deletions = new Map<number, Range[]>();

  /** Records a local transaction. */
  record(transaction: Y.Transaction): void {
    this.clients.add(transaction.doc.clientID);
    for (const [client, items] of transaction.deleteSet.clients) {
      const ranges = this.deletions.get(client) ?? [];
      for (const item of items) ranges.push([item.clock, item.len]);
      this.deletions.set(client, ranges);
    }
  }

  /**
   * Whether the server's durable state holds every insertion (up to the
   * doc's clock for each local client id) and every deletion of this tab.
   * With no durable state known yet, only a tab that changed nothing is saved.
   */
  isCoveredBy(doc: Y.Doc, durable: DurableState | undefined): boolean {
    for (const client of this.clients) {
      const clock = Y.getState(doc.store, client);
      if (clock > 0 && (durable?.stateVector.get(client) ?? 0) < clock) return false;
    }
    for (const [client, ranges] of this.deletions) {
      for (const [clock, length] of ranges) if (!covered(durable?.deletions.get(client), clock, length)) return false;
    }
    return true;
  }

  /** Forgets deletions the server has stored: durable state only grows, so they stay covered. */
  prune(durable: DurableState): void {
    const remaining = new Map<number, Range[]>();
    for (const [client, ranges] of this.deletions) {
      const open = ranges.filter(([clock, length]) => !covered(durable.deletions.get(client), clock, length));
      if (open.length > 0) remaining.set(client, open);
    }
    this.deletions = remaining;
  }
}

/**
 * Calls `onDurable` with what the server vouches for as stored, from its
 * saved signal (message type 100: sent on connecting and after each commit,
 * because the provider connects with `saved=1`). Returns a function that
 * removes the handler.
 */
export function listenForDurableState(provider: WebsocketProvider, onDurable: (durable: DurableState) => void): () => void {
  const handler: WebsocketProvider['messageHandlers'][number] = (_encoder, decoder) => onDurable(readDurableState(decoder));
  provider.messageHandlers[MESSAGE.saved] = handler;
  return () => {
    if (provider.messageHandlers[MESSAGE.saved] === handler) delete provider.messageHandlers[MESSAGE.saved];
  };
}
