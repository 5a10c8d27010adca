import * as Y from 'yjs';
import { SYNC_CLOSE } from '../../core/sync-protocol';
import type { SyncLimits } from '../config';
import type { Db } from '../db/database';
import { logger } from '../logging/logger';
import { AwarenessRoom } from './awareness-room';
import { applyStoredText, compactText, ensureInitialText, lastSeqOf, loadText, readText, type StoredText } from './document-store';
import type { GroupCommitter } from './group-committer';
import { SequenceTracker } from './sequence-tracker';
import { TextSize } from './text-size';
import type { SyncPeer } from './sync-peer';
import {
  encodeAwareness,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  type ClientMessage,
} from './sync-message';
import { addDeletions, addsToDocument, decodeCompleteUpdate, encodeDeletions, type Deletions } from './update-validation';

/**
 * How a document tells the other nodes holding it what this node's clients
 * did (several nodes only). Updates go out after their commit, with their
 * sequence number; presence goes out as this node flushes it.
 */
export interface DocumentRelay {
  /** Starts hearing of the text's updates; resolves once subscribed (or after a bounded wait). */
  follow(proposalId: string): Promise<void>;
  /** Stops hearing of it (unloaded). */
  unfollow(proposalId: string): void;
  publishUpdate(proposalId: string, seq: number, update: Uint8Array): void;
  publishAwareness(proposalId: string, update: Uint8Array): void;
  /** Asks the other nodes for their clients' presence in the text. */
  queryPresence(proposalId: string): void;
}

/** What a document needs from the server around it. */
export interface SyncDocumentContext {
  db: Db;
  committer: GroupCommitter;
  limits: SyncLimits;
  /** The other nodes, when there are any. */
  relay?: DocumentRelay;
  /** Called when the document's last peer left. */
  onEmpty(doc: SyncDocument): void;
  /** Called after an update of this document was committed and applied. */
  onCommitted(doc: SyncDocument): void;
}

/** An update that changes nothing (no structs, no deletions): not worth storing or relaying. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * One proposal's text, loaded. The Y.Doc holds committed state only: client
 * updates are validated, written to the log through the group committer, and
 * only then applied and relayed. So neither a relay nor a sync reply ever
 * carries anything that is not durable.
 */
export class SyncDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly peers = new Set<SyncPeer>();
  readonly awareness = new AwarenessRoom();
  /** Resolves when the stored text is loaded; rejects if it could not be (then nothing is ever written). */
  readonly ready: Promise<void>;
  /** Connections being opened (authorized, upgrade under way): the document must not unload meanwhile. */
  joining = 0;
  /** Updates submitted and not yet committed or failed. */
  inFlight = 0;
  /** Deletions committed since the last saved signal: the signal carries only these (newcomers get all). */
  private deletionsSinceSignal: Deletions = new Map();
  /** Stored size and rows waiting to be folded. */
  private readonly size = new TextSize();
  private compacting: Promise<void> | undefined;
  private awarenessFlushScheduled = false;
  /**
   * Whether the text is believed frozen (a decision is open): read with the
   * text, set by a refused append or a status event, cleared by a commit or a
   * status event. Only a hint that spares the database updates which add
   * nothing: the append itself decides, inside its statement.
   */
  private frozenHint = false;
  /** Which updates, by sequence number, this copy holds. */
  private readonly sequence: SequenceTracker;
  /** Other nodes' updates heard while loading, applied once loaded. */
  private early: { seq: number; update: Uint8Array }[] | undefined = [];
  private catchingUp: Promise<boolean> | undefined;
  private catchUpAgain = false;
  private catchUpFailures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private destroyed = false;

  constructor(
    readonly proposalId: string,
    private readonly context: SyncDocumentContext,
  ) {
    this.sequence = new SequenceTracker(() => void this.catchUp(), Boolean(context.relay));
    this.ready = this.load();
    // A failed load is reported to each joining connection; do not also crash on an unobserved rejection.
    this.ready.catch(() => undefined);
  }

  private async load(): Promise<void> {
    // Heard from the start of the read on: whatever commits elsewhere meanwhile is either read or heard.
    await this.context.relay?.follow(this.proposalId);
    this.context.relay?.queryPresence(this.proposalId);
    let stored = await loadText(this.context.db, this.proposalId);
    if (!stored.snapshot && stored.updates.length === 0) {
      await ensureInitialText(this.context.db, this.proposalId);
      stored = await loadText(this.context.db, this.proposalId);
    }
    this.applyStored(stored);
    this.size.loaded(stored);
    this.frozenHint = stored.frozen;
    const early = this.early ?? [];
    this.early = undefined;
    for (const { seq, update } of early) this.receiveRemoteUpdate(seq, update);
  }

  /** Applies stored text (a load or a catch-up); returns what it changed, if anything. */
  private applyStored(stored: StoredText): Uint8Array | undefined {
    const changes = applyStoredText(this.doc, stored);
    this.sequence.noteThrough(lastSeqOf(stored));
    return changes;
  }

  /**
   * An update another node committed, heard over the relay: applied (it is
   * durable) and relayed to this node's clients. Heard before the load ends,
   * it waits for the load; already held, it is dropped.
   */
  receiveRemoteUpdate(seq: number, update: Uint8Array): void {
    if (this.early) {
      this.early.push({ seq, update });
      return;
    }
    if (this.sequence.holds(seq)) return;
    try {
      Y.applyUpdate(this.doc, update, 'remote');
    } catch (error) {
      // Another node stored it, so it is valid: a failure here means this copy is damaged. Read it back.
      logger().error({ component: 'sync', err: error, proposalId: this.proposalId, seq }, 'could not apply an update from another node; reading the text back');
      void this.catchUp();
      return;
    }
    this.size.added(update.length);
    this.frozenHint = false;
    const frame = encodeUpdate(update);
    for (const peer of this.peers) peer.send(frame);
    this.sequence.note(seq);
  }

  /** Another node holds the text up to `seq`: this copy reads back whatever it lacks of that. */
  receiveRemoteHead(seq: number): void {
    if (!this.early && !this.sequence.holds(seq)) void this.catchUp();
  }

  /** Presence another node flushed: remembered for newcomers and passed on to this node's clients. */
  receiveRemoteAwareness(node: string, update: Uint8Array): void {
    this.awareness.receiveRemote(node, update);
    const frame = encodeAwareness(update);
    for (const peer of this.peers) peer.send(frame);
  }

  /** Another node loaded the text and asks who is here: this node's clients' presence goes out. */
  answerPresenceQuery(): void {
    const present = this.awareness.currentLocal();
    if (present) this.context.relay?.publishAwareness(this.proposalId, present);
  }

  /**
   * Reads from the database everything after the last update applied in
   * order, applies it and passes what changed to this node's clients: for a
   * gap in what other nodes relayed, and after a link was lost. Resolves with
   * whether the read succeeded. Asked again while it runs, it runs once more
   * afterwards (the running read may predate what the new request is about);
   * a failed read is tried again later, and a gap still open is watched again.
   */
  catchUp(): Promise<boolean> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      let ok: boolean;
      do {
        this.catchUpAgain = false;
        ok = await this.readBack().then(
          () => true,
          (error: unknown) => {
            logger().error({ component: 'sync', err: error, proposalId: this.proposalId }, 'could not catch up; trying again later');
            return false;
          },
        );
      } while (ok && this.catchUpAgain);
      return ok;
    })().finally(() => {
      this.catchingUp = undefined;
    });
    void this.catchingUp.then((ok) => this.afterCatchUp(ok));
    return this.catchingUp;
  }

  private async readBack(): Promise<void> {
    await this.ready;
    const stored = await readText(this.context.db, this.proposalId, this.sequence.applied);
    this.frozenHint = stored.frozen;
    // Rows heard out of order are held already (and counted): only the others add to the size.
    this.size.caughtUp(stored.updates.filter((row) => !this.sequence.holds(row.seq)));
    const changes = this.applyStored(stored);
    if (changes) {
      const frame = encodeUpdate(changes);
      for (const peer of this.peers) peer.send(frame);
    }
  }

  private afterCatchUp(ok: boolean): void {
    if (this.destroyed) return;
    if (ok) {
      this.catchUpFailures = 0;
      this.sequence.watchAgain();
      return;
    }
    const delay = Math.min(30_000, 1_000 * 2 ** this.catchUpFailures++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.catchUp();
    }, delay);
    this.retryTimer.unref();
  }

  /** The last sequence number up to which every update is applied. */
  get appliedSeq(): number {
    return this.sequence.applied;
  }

  /** Whether the text is believed frozen (see {@link markFrozen}). */
  get frozen(): boolean {
    return this.frozenHint;
  }

  /**
   * Records a status change heard of (a decision opened, closed or reopened).
   * Connections stay open either way: while frozen, an update that adds
   * nothing is dropped and one that adds something is refused by the
   * database, closing its sender with 4409; once thawed, both are stored.
   */
  markFrozen(frozen: boolean): void {
    this.frozenHint = frozen;
  }

  /** Admits a connection (after `ready`): tells it the server's state and who is present. */
  addPeer(peer: SyncPeer): boolean {
    if (this.peers.size >= this.context.limits.maxConnectionsPerDocument) {
      peer.close(SYNC_CLOSE.retryLater, 'too many connections to this document');
      return false;
    }
    this.peers.add(peer);
    const vector = Y.encodeStateVector(this.doc);
    // The server's state vector asks the client for whatever it holds that the server lacks (offline edits).
    peer.send(encodeSyncStep1(vector));
    // A newcomer learns the whole committed delete set once (an update against the full state vector
    // carries no items, only deletions); later signals carry what each commit added.
    if (peer.wantsSaved) peer.send(encodeSaved(vector, Y.encodeStateAsUpdate(this.doc, vector)));
    const present = this.awareness.current();
    if (present) peer.send(encodeAwareness(present));
    return true;
  }

  /** Forgets a connection and announces that its presence ended. */
  removePeer(peer: SyncPeer): void {
    if (!this.peers.delete(peer)) return;
    this.awareness.removeOwner(peer);
    this.scheduleAwarenessFlush();
    if (this.peers.size === 0) this.context.onEmpty(this);
  }

  /** Handles one decoded message of a peer. Throws {@link MalformedMessageError} for bad payloads. */
  handle(peer: SyncPeer, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step-1': {
        let reply: Uint8Array;
        try {
          reply = Y.encodeStateAsUpdate(this.doc, message.stateVector);
        } catch {
          throw new MalformedMessageError('undecodable state vector');
        }
        peer.send(encodeSyncStep2(reply));
        return;
      }
      case 'sync-step-2':
      case 'update':
        this.receiveUpdate(peer, message.update);
        return;
      case 'awareness':
        this.awareness.receive(peer, message.update, peer.identity);
        this.scheduleAwarenessFlush();
        return;
      case 'query-awareness': {
        const present = this.awareness.current();
        if (present) peer.send(encodeAwareness(present));
        return;
      }
      case 'auth':
        return;
    }
  }

  private receiveUpdate(peer: SyncPeer, update: Uint8Array): void {
    if (peer.readOnly) return; // Observers: dropped, never applied.
    const deletions = decodeCompleteUpdate(update);
    if (!deletions) throw new MalformedMessageError('incomplete or corrupt update');
    if (isEmptyUpdate(update)) return;
    // A frozen text drops what repeats the stored state (a reconnecting client's sync step 2) without a
    // round trip. What adds something still goes to the database, which alone knows whether the text is
    // frozen right now: a stale hint must not make anyone discard an edit the text would accept.
    if (this.frozenHint && !addsToDocument(this.doc, update, deletions)) return;
    if (this.size.wouldExceed(update.length, this.context.limits.maxDocumentBytes)) {
      peer.close(SYNC_CLOSE.tooLarge, 'the document would exceed its size limit');
      return;
    }
    this.inFlight++;
    this.size.submitted(update.length);
    this.context.committer.submit({
      proposalId: this.proposalId,
      data: update,
      committed: (seq) => {
        this.inFlight--;
        this.size.settled(update.length, true);
        // Stored, so the text was not frozen when this committed.
        this.frozenHint = false;
        addDeletions(this.deletionsSinceSignal, deletions);
        this.applyCommitted(update, peer, seq);
      },
      refused: () => {
        this.inFlight--;
        this.size.settled(update.length, false);
        this.frozenHint = true;
        // Neither applied nor relayed. Its sender must discard what the frozen text lacks and rebuild from
        // the server (the stock client does not reconnect after 4409); one that only repeated stored state
        // holds nothing to discard and stays, read-only while the text is frozen.
        if (addsToDocument(this.doc, update, deletions)) {
          peer.close(SYNC_CLOSE.frozen, 'the text is frozen while a decision is open; your edit was not saved');
        }
        if (this.peers.size === 0) this.context.onEmpty(this);
      },
      failed: (error) => {
        this.inFlight--;
        this.size.settled(update.length, false);
        logger().error({ component: 'sync', err: error, proposalId: this.proposalId }, 'commit failed; the sender is closed to resend');
        peer.close(SYNC_CLOSE.retryLater, 'could not save your edit; reconnecting resends it');
        if (this.peers.size === 0) this.context.onEmpty(this);
      },
    });
  }

  private applyCommitted(update: Uint8Array, origin: SyncPeer, seq: number): void {
    Y.applyUpdate(this.doc, update, origin);
    const frame = encodeUpdate(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
    this.context.relay?.publishUpdate(this.proposalId, seq, update);
    this.sequence.note(seq);
    this.context.onCommitted(this);
    if (this.size.logRows >= this.context.limits.compactEvery) void this.compact();
    if (this.peers.size === 0) this.context.onEmpty(this);
  }

  /**
   * Tells the peers that asked for it what is durable after a commit: the
   * state vector, and the deletions committed since the previous signal (a
   * client accumulates them; computing the whole delete set each time would
   * cost a walk of the document per commit).
   */
  announceSaved(): void {
    const deletions = this.deletionsSinceSignal;
    this.deletionsSinceSignal = new Map();
    let frame: Uint8Array | undefined;
    for (const peer of this.peers) {
      if (!peer.wantsSaved) continue;
      frame ??= encodeSaved(Y.encodeStateVector(this.doc), encodeDeletions(deletions));
      peer.send(frame);
    }
  }

  /** Folds the log into the snapshot (one compaction at a time); failures leave the log as it was. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const mark = this.size.compactionStarted();
    this.compacting = compactText(this.context.db, this.proposalId)
      .then((result) => this.size.compacted(result, mark))
      .catch((error: unknown) => logger().error({ component: 'sync', err: error, proposalId: this.proposalId }, 'compaction failed'))
      .finally(() => {
        this.compacting = undefined;
      });
    return this.compacting;
  }

  /** Whether the document may be unloaded: nobody connected or joining, nothing left to store. */
  get isIdle(): boolean {
    return this.peers.size === 0 && this.joining === 0 && this.inFlight === 0;
  }

  /** Log rows not yet folded into the snapshot. */
  get pendingLogRows(): number {
    return this.size.logRows;
  }

  private scheduleAwarenessFlush(): void {
    if (this.awarenessFlushScheduled) return;
    this.awarenessFlushScheduled = true;
    // One flush per event-loop turn: every state received in this turn goes out in one message.
    setImmediate(() => {
      this.awarenessFlushScheduled = false;
      const update = this.awareness.flush();
      if (!update) return;
      const frame = encodeAwareness(update);
      for (const peer of this.peers) peer.send(frame);
      this.context.relay?.publishAwareness(this.proposalId, update);
    });
  }

  /** Frees the in-memory document. */
  destroy(): void {
    this.destroyed = true;
    this.sequence.stop();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.doc.destroy();
  }
}
