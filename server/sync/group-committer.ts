import type { AppendResult } from '../db/log-appender';
import { logger } from '../logging/logger';
import type { LogEntry } from './document-store';

/** An update waiting for its commit, with what to do once the outcome is known. */
export interface CommitItem extends LogEntry {
  /** Called synchronously, in commit order, once the update is durable, with its sequence number in its text. */
  committed(seq: number): void;
  /**
   * Called when the commit succeeded but stored nothing of this update's
   * proposal, whose text is frozen (a decision is open): it must not be applied.
   */
  refused(): void;
  /** Called when the commit failed: the update is not stored and must not be applied. */
  failed(error: unknown): void;
}

/** What one commit did: for metrics, which must not reach into the commit itself. */
export interface CommitReport {
  /** Updates stored and applied. */
  committed: number;
  /** Updates not stored because their text is frozen. */
  refused: number;
  /** Updates not stored because the write failed. */
  failed: number;
  /** How long the write took, in seconds. */
  seconds: number;
}

/** Most updates written in one transaction. */
const MAX_BATCH = 500;

/**
 * Group commit for the update log. The first update is written at once; all
 * that arrive while a commit runs form the next batch, written as soon as
 * that commit ends (never on a timer). Outcomes are reported in submission
 * order, synchronously after each commit, so that documents apply updates in
 * exactly the order they were stored. The write refuses whole proposals (a
 * frozen text), never single updates, so a document never applies an update
 * whose predecessor of the same batch was dropped.
 */
export class GroupCommitter {
  private queue: CommitItem[] = [];
  private writing: Promise<void> | undefined;
  private readonly observers = new Set<(report: CommitReport) => void>();

  constructor(
    /** Stores a batch; resolves with the proposals whose entries it refused (frozen texts) and the sequence numbers given. */
    private readonly write: (entries: LogEntry[]) => Promise<AppendResult>,
    private readonly afterBatch: (items: CommitItem[], ok: boolean) => void = () => undefined,
  ) {}

  /** Queues an update for the next commit. */
  submit(item: CommitItem): void {
    this.queue.push(item);
    this.writing ??= this.drain();
  }

  /** Resolves once everything submitted so far is committed or failed. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Calls `observer` after every commit, failed ones too; returns the function that stops it. */
  observe(observer: (report: CommitReport) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Number of updates waiting or being written. */
  get backlog(): number {
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        let ok = true;
        let failure: unknown;
        let refused: ReadonlySet<string> = new Set();
        let bases: ReadonlyMap<string, number> = new Map();
        const started = performance.now();
        try {
          ({ refused, bases } = await this.write(batch.map(({ proposalId, data }) => ({ proposalId, data }))));
        } catch (error) {
          ok = false;
          failure = error;
        }
        const seconds = (performance.now() - started) / 1000;
        if (this.observers.size > 0) this.report(batch, ok, refused, seconds);
        // The k-th stored update of a text in the batch got base + k (see log-appender.ts).
        const taken = new Map<string, number>();
        for (const item of batch) {
          try {
            if (!ok) item.failed(failure);
            else if (refused.has(item.proposalId)) item.refused();
            else {
              const k = (taken.get(item.proposalId) ?? 0) + 1;
              taken.set(item.proposalId, k);
              item.committed((bases.get(item.proposalId) ?? 0) + k);
            }
          } catch (error) {
            logger().error({ component: 'sync', err: error, proposalId: item.proposalId }, 'commit callback failed');
          }
        }
        this.afterBatch(batch, ok);
      }
    } finally {
      this.writing = undefined;
    }
  }

  private report(batch: CommitItem[], ok: boolean, refused: ReadonlySet<string>, seconds: number): void {
    const refusedCount = ok ? batch.filter((item) => refused.has(item.proposalId)).length : 0;
    const report: CommitReport = {
      committed: ok ? batch.length - refusedCount : 0,
      refused: refusedCount,
      failed: ok ? 0 : batch.length,
      seconds,
    };
    for (const observer of this.observers) {
      // An observer is bookkeeping: its failure must not stop the commits.
      try {
        observer(report);
      } catch (error) {
        logger().error({ component: 'sync', err: error }, 'commit observer failed');
      }
    }
  }
}
