import type { CompactionResult, StoredText } from './document-store';

/**
 * How big a loaded text is in storage (snapshot plus log rows) and how many
 * log rows wait to be folded, kept up to date without asking the database:
 * the size checked against SYNC_MAX_DOCUMENT_BYTES, and the count that
 * triggers a compaction. On one node it is exact. With several nodes it is an
 * estimate (another node's compaction shrinks the stored text unseen), made
 * good by each compaction of this node: the snapshot it wrote, plus what was
 * stored since it began (some of which it may have folded too: the estimate
 * errs on the large side, by at most what one compaction's duration adds).
 */
export class TextSize {
  private storedBytes = 0;
  private inFlightBytes = 0;
  /** Bytes ever added to the stored text while loaded (to tell what came during a compaction). */
  private addedBytes = 0;
  /** Log rows not yet folded into the snapshot, as far as this node knows. */
  logRows = 0;

  /** The text as read at load. */
  loaded(stored: StoredText): void {
    this.storedBytes = (stored.snapshot?.length ?? 0) + bytesOf(stored.updates);
    this.logRows = stored.updates.length;
  }

  /** Whether storing `bytes` more would pass `limit`, counting what is being stored now. */
  wouldExceed(bytes: number, limit: number): boolean {
    return this.storedBytes + this.inFlightBytes + bytes > limit;
  }

  /** An update submitted for storage. */
  submitted(bytes: number): void {
    this.inFlightBytes += bytes;
  }

  /** A submitted update's outcome is known; `stored` when it went into the log. */
  settled(bytes: number, stored: boolean): void {
    this.inFlightBytes -= bytes;
    if (stored) this.added(bytes);
  }

  /** An update stored by another node, applied here. */
  added(bytes: number): void {
    this.storedBytes += bytes;
    this.addedBytes += bytes;
    this.logRows++;
  }

  /** Rows read back from the database that this copy did not hold yet. */
  caughtUp(rows: { data: Uint8Array }[]): void {
    for (const row of rows) this.added(row.data.length);
  }

  /** A compaction begins: returns the mark to give {@link compacted}. */
  compactionStarted(): number {
    return this.addedBytes;
  }

  /** This node's compaction ended (begun at `mark`). */
  compacted(result: CompactionResult, mark: number): void {
    if (result.skipped) {
      // Another node is folding this log: counting starts again rather than asking after every commit.
      this.logRows = 0;
      return;
    }
    this.logRows = Math.max(0, this.logRows - result.mergedRows);
    if (result.mergedRows > 0) this.storedBytes = result.snapshotBytesAfter + (this.addedBytes - mark);
  }
}

function bytesOf(rows: { data: Uint8Array }[]): number {
  return rows.reduce((sum, row) => sum + row.data.length, 0);
}
