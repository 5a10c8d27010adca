/** How long a gap in the sequence numbers heard may last before the text reads what it missed. */
export const GAP_WAIT_MS = 250;

/**
 * Which updates of one text a node holds, by their sequence numbers (see
 * `doc_update.seq`): everything up to {@link applied}, plus some beyond it
 * when an update committed later was heard before one committed earlier.
 * A gap that outlasts {@link GAP_WAIT_MS} calls `onGap`, which reads the
 * missing updates from the database. On one node every commit is the node's
 * own and arrives in order, so nothing waits there.
 */
export class SequenceTracker {
  private seq = 0;
  private readonly ahead = new Set<number>();
  private gapTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onGap: () => void,
    /** Whether other nodes write this text too (several nodes): only then can a gap happen. */
    private readonly shared: boolean,
  ) {}

  /** Every update up to this sequence number is held. */
  get applied(): number {
    return this.seq;
  }

  /** Whether update `seq` is held already. */
  holds(seq: number): boolean {
    return seq <= this.seq || this.ahead.has(seq);
  }

  /** Records that update `seq` is held. */
  note(seq: number): void {
    if (seq === this.seq + 1) {
      this.seq = seq;
      while (this.ahead.delete(this.seq + 1)) this.seq++;
    } else if (seq > this.seq && this.shared) {
      this.ahead.add(seq);
    } else if (seq > this.seq) {
      this.seq = seq;
    }
    if (this.ahead.size > 0) this.watchGap();
  }

  /** Records that every update up to `seq` is held (a load or a catch-up read them all). */
  noteThrough(seq: number): void {
    if (seq <= this.seq) return;
    this.seq = seq;
    for (const held of this.ahead) if (held <= seq) this.ahead.delete(held);
    while (this.ahead.delete(this.seq + 1)) this.seq++;
  }

  private watchGap(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.ahead.size > 0) this.onGap();
    }, GAP_WAIT_MS);
    this.gapTimer.unref();
  }

  /** Watches a gap still open after a catch-up (the updates it lacks had not been committed yet, say). */
  watchAgain(): void {
    if (this.ahead.size > 0) this.watchGap();
  }

  /** Stops waiting on a gap (the text is unloaded). */
  stop(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
  }
}
