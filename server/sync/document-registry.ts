import type { SyncLimits } from '../config';
import type { Db } from '../db/database';
import type { LogAppender } from '../db/log-appender';
import { appendUpdates } from './document-store';
import { GroupCommitter } from './group-committer';
import { SyncDocument, type DocumentRelay } from './sync-document';

/**
 * The loaded documents of this server, one per proposal, sharing one group
 * committer. A document loads on first use and unloads (after a compaction)
 * once it has been idle for the configured time with nothing left to store.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, SyncDocument>();
  private readonly unloadTimers = new Map<SyncDocument, NodeJS.Timeout>();
  private readonly committedSinceBatch = new Set<SyncDocument>();
  readonly committer: GroupCommitter;

  constructor(
    private readonly db: Db,
    appendLog: LogAppender,
    private readonly limits: SyncLimits,
    /** The other nodes, when there are any. */
    private readonly relay?: DocumentRelay,
  ) {
    this.committer = new GroupCommitter(
      (entries) => appendUpdates(appendLog, entries),
      () => {
        // One saved signal per document per commit, after all of the batch is applied.
        for (const doc of this.committedSinceBatch) doc.announceSaved();
        this.committedSinceBatch.clear();
      },
    );
  }

  /**
   * The document of a proposal, loading it if needed, held against unloading
   * until {@link release} (call it once the connection joined or gave up).
   */
  acquire(proposalId: string): SyncDocument {
    let doc = this.documents.get(proposalId);
    if (!doc) {
      doc = new SyncDocument(proposalId, {
        db: this.db,
        committer: this.committer,
        limits: this.limits,
        relay: this.relay,
        onEmpty: (d) => this.scheduleUnload(d),
        onCommitted: (d) => this.committedSinceBatch.add(d),
      });
      this.documents.set(proposalId, doc);
      // A document that failed to load is dropped at once, so that the next connection tries again.
      doc.ready.catch(() => {
        if (this.documents.get(proposalId) !== doc) return;
        this.documents.delete(proposalId);
        this.relay?.unfollow(proposalId);
      });
    }
    this.cancelUnload(doc);
    doc.joining++;
    return doc;
  }

  /** Ends the hold taken by {@link acquire}. */
  release(doc: SyncDocument): void {
    doc.joining--;
    if (doc.isIdle) this.scheduleUnload(doc);
  }

  /** Number of loaded documents. */
  get size(): number {
    return this.documents.size;
  }

  /** The loaded document of a proposal, if any. */
  peek(proposalId: string): SyncDocument | undefined {
    return this.documents.get(proposalId);
  }

  private scheduleUnload(doc: SyncDocument): void {
    if (!doc.isIdle || this.unloadTimers.has(doc)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(doc);
      void this.unload(doc);
    }, this.limits.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(doc, timer);
  }

  private cancelUnload(doc: SyncDocument): void {
    const timer = this.unloadTimers.get(doc);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(doc);
  }

  private async unload(doc: SyncDocument): Promise<void> {
    if (!doc.isIdle || this.documents.get(doc.proposalId) !== doc) return;
    this.documents.delete(doc.proposalId);
    this.relay?.unfollow(doc.proposalId);
    // Everything is durable already; compaction only makes the next load faster.
    if (doc.pendingLogRows > 0) await doc.compact();
    doc.destroy();
  }

  /** Every loaded document (to catch up after the link to the other nodes was lost). */
  loaded(): SyncDocument[] {
    return [...this.documents.values()];
  }

  /** Waits for pending commits, then compacts and frees every document (shutdown). */
  async closeAll(): Promise<void> {
    await this.committer.idle();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const docs = [...this.documents.values()];
    this.documents.clear();
    for (const doc of docs) {
      await doc.ready.then(
        () => (doc.pendingLogRows > 0 ? doc.compact() : undefined),
        () => undefined,
      );
      doc.destroy();
    }
  }
}
