import type { LogEntry } from './document-store';

/** An update waiting for its commit, with what to do once the outcome is known. */
export interface CommitItem extends LogEntry {
  /** Called synchronously, in commit order, once the update is durable. */
  committed(): void;
  /**
   * Called when the commit succeeded but stored nothing of this update's
   * proposal, whose text is frozen (a decision is open): it must not be applied.
   */
  refused(): void;
  /** Called when the commit failed: the update is not stored and must not be applied. */
  failed(error: unknown): void;
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

  constructor(
    /** Stores a batch; resolves with the proposals whose entries it refused (frozen texts). */
    private readonly write: (entries: LogEntry[]) => Promise<ReadonlySet<string>>,
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
        try {
          refused = await this.write(batch.map(({ proposalId, data }) => ({ proposalId, data })));
        } catch (error) {
          ok = false;
          failure = error;
        }
        for (const item of batch) {
          try {
            if (!ok) item.failed(failure);
            else if (refused.has(item.proposalId)) item.refused();
            else item.committed();
          } catch (error) {
            console.error('[sync] commit callback failed', error);
          }
        }
        this.afterBatch(batch, ok);
      }
    } finally {
      this.writing = undefined;
    }
  }
}
