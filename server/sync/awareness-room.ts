import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceIdentity } from '../../core/presence';
import { MalformedMessageError } from './sync-message';

/** Most awareness client ids one connection may speak for (a tab normally has one). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

/**
 * How long another node's client stays present here without a renewal (clients renew every
 * 15 s; y-protocols drops a silent client after 30 s): a node that died takes its clients along.
 */
export const REMOTE_PRESENCE_TTL_MS = 30_000;

interface Entry {
  clock: number;
  /** The state as JSON, or null once removed. */
  json: string | null;
  owner: object;
  /** When another node last told of this client (its clients only). */
  heardAt?: number;
}

/**
 * The awareness (presence) states of one document. Incoming states are
 * stamped with the sender's session identity (so nobody can appear as someone
 * else), bound to the connection that first announced their client id, and
 * queued; `flush` turns everything queued since the last flush into one
 * update holding each client's latest state, so that N moving carets cost N
 * messages per tick rather than N² relays.
 */
export class AwarenessRoom {
  private readonly entries = new Map<number, Entry>();
  private readonly pending = new Set<number>();
  /** One owner per other node, so that its clients' ids cannot be taken over by a connection here. */
  private readonly remoteOwners = new Map<string, object>();

  /**
   * Takes an awareness update from `owner`. Entries for client ids owned by
   * another connection, or older than what is known, are ignored. Throws
   * {@link MalformedMessageError} for an undecodable update or a state that is
   * not a JSON object.
   */
  receive(owner: object, update: Uint8Array, identity: PresenceIdentity): void {
    const decoder = decoding.createDecoder(update);
    const incoming: { clientId: number; clock: number; json: string | null }[] = [];
    try {
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        const state: unknown = JSON.parse(decoding.readVarString(decoder));
        if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new MalformedMessageError('awareness state is not an object');
        const json = state === null ? null : JSON.stringify({ ...(state as object), user: identity });
        incoming.push({ clientId, clock, json });
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) throw error;
      throw new MalformedMessageError('undecodable awareness update');
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes in awareness update');

    for (const { clientId, clock, json } of incoming) {
      let known = this.entries.get(clientId);
      // A client that reconnected here from another node takes its id back from that node's entry.
      if (known?.heardAt !== undefined) known = undefined;
      if (known && known.owner !== owner) continue;
      if (!known && this.ownedBy(owner) >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      if (known && (clock < known.clock || (clock === known.clock && !(json === null && known.json !== null)))) continue;
      this.entries.set(clientId, { clock, json, owner });
      this.pending.add(clientId);
    }
  }

  /**
   * Takes presence another node flushed: its states were stamped and checked
   * there, so they are only remembered (for newcomers here) and never queued
   * for this node's flush, which would send them back. Undecodable updates
   * from a node are ignored: nodes trust each other, but not blindly.
   */
  receiveRemote(node: string, update: Uint8Array): void {
    let owner = this.remoteOwners.get(node);
    if (!owner) this.remoteOwners.set(node, (owner = { node }));
    const decoder = decoding.createDecoder(update);
    try {
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        const json = decoding.readVarString(decoder);
        const known = this.entries.get(clientId);
        if (known && known.owner !== owner && known.heardAt === undefined) continue;
        if (json === 'null') this.entries.delete(clientId);
        else this.entries.set(clientId, { clock, json, owner, heardAt: Date.now() });
      }
    } catch {
      return;
    }
  }

  /** Marks every state of a departed connection as removed, to be announced at the next flush. */
  removeOwner(owner: object): void {
    for (const [clientId, entry] of this.entries) {
      if (entry.owner !== owner) continue;
      if (entry.json !== null) {
        this.entries.set(clientId, { clock: entry.clock + 1, json: null, owner });
        this.pending.add(clientId);
      } else {
        this.entries.delete(clientId);
      }
    }
  }

  /** Whether anything waits to be announced. */
  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** One update with the latest state of every client changed since the last flush; forgets removed clients. */
  flush(): Uint8Array | undefined {
    if (this.pending.size === 0) return undefined;
    const ids = [...this.pending];
    this.pending.clear();
    const update = this.encode(ids);
    for (const id of ids) if (this.entries.get(id)?.json === null) this.entries.delete(id);
    return update;
  }

  /** An update with every present client's state, for a newcomer or a query. */
  current(): Uint8Array | undefined {
    const stale = Date.now() - REMOTE_PRESENCE_TTL_MS;
    for (const [id, entry] of this.entries) if (entry.heardAt !== undefined && entry.heardAt < stale) this.entries.delete(id);
    const ids = [...this.entries].filter(([, entry]) => entry.json !== null).map(([id]) => id);
    return ids.length > 0 ? this.encode(ids) : undefined;
  }

  /** An update with the state of every client connected to this node (for another node that asks). */
  currentLocal(): Uint8Array | undefined {
    const ids = [...this.entries].filter(([, entry]) => entry.json !== null && entry.heardAt === undefined).map(([id]) => id);
    return ids.length > 0 ? this.encode(ids) : undefined;
  }

  private ownedBy(owner: object): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.owner === owner) count++;
    return count;
  }

  private encode(ids: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      const entry = this.entries.get(id)!;
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.json ?? 'null');
    }
    return encoding.toUint8Array(encoder);
  }
}
