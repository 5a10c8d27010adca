import { describe, expect, it } from 'vitest';
import { TextSize } from '../../server/sync/text-size';

const rows = (...sizes: number[]) => sizes.map((size, i) => ({ seq: i + 1, data: new Uint8Array(size) }));

describe('TextSize', () => {
  it('counts the stored text, what is being stored, and refuses past the limit', () => {
    const size = new TextSize();
    size.loaded({ snapshot: new Uint8Array(100), snapshotThrough: 0, updates: rows(10, 20), frozen: false });
    expect(size.logRows).toBe(2);
    expect(size.wouldExceed(70, 200)).toBe(false);
    size.submitted(50);
    expect(size.wouldExceed(30, 200)).toBe(true);
    size.settled(50, false);
    expect(size.wouldExceed(70, 200)).toBe(false);
    size.submitted(50);
    size.settled(50, true);
    expect(size.logRows).toBe(3);
    expect(size.wouldExceed(21, 200)).toBe(true);
  });

  it('takes the size a compaction left, plus what was stored meanwhile', () => {
    const size = new TextSize();
    size.loaded({ snapshot: new Uint8Array(100), snapshotThrough: 0, updates: rows(400, 400), frozen: false });
    const mark = size.compactionStarted();
    size.added(30);
    size.compacted({ skipped: false, mergedRows: 2, mergedBytes: 800, snapshotBytesBefore: 100, snapshotBytesAfter: 150 }, mark);
    expect(size.logRows).toBe(1);
    expect(size.wouldExceed(20, 200)).toBe(false);
    expect(size.wouldExceed(21, 200)).toBe(true);
  });

  it('starts counting rows again when another node is compacting, and counts rows read back', () => {
    const size = new TextSize();
    size.loaded({ snapshot: undefined, snapshotThrough: 0, updates: rows(1, 1, 1), frozen: false });
    size.compacted({ skipped: true, mergedRows: 0, mergedBytes: 0, snapshotBytesBefore: 0, snapshotBytesAfter: 0 }, size.compactionStarted());
    expect(size.logRows).toBe(0);
    size.caughtUp(rows(5, 5));
    expect(size.logRows).toBe(2);
    expect(size.wouldExceed(0, 13)).toBe(false);
    expect(size.wouldExceed(1, 13)).toBe(true);
  });
});
