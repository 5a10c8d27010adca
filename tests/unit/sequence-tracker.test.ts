import { afterEach, describe, expect, it, vi } from 'vitest';
import { GAP_WAIT_MS, SequenceTracker } from '../../server/sync/sequence-tracker';

describe('SequenceTracker', () => {
  afterEach(() => vi.useRealTimers());

  it('advances through updates heard in order, and through those heard early once the gap fills', () => {
    const gaps: number[] = [];
    const tracker = new SequenceTracker(() => gaps.push(tracker.applied), true);
    tracker.note(1);
    tracker.note(2);
    tracker.note(4);
    tracker.note(5);
    expect(tracker.applied).toBe(2);
    expect(tracker.holds(4)).toBe(true);
    expect(tracker.holds(3)).toBe(false);
    tracker.note(3);
    expect(tracker.applied).toBe(5);
    expect(gaps).toEqual([]);
    tracker.stop();
  });

  it('asks for a catch-up only when a gap outlasts the wait, and a read of everything closes it', () => {
    vi.useFakeTimers();
    let gaps = 0;
    const tracker = new SequenceTracker(() => gaps++, true);
    tracker.note(1);
    tracker.note(3);
    vi.advanceTimersByTime(GAP_WAIT_MS - 1);
    expect(gaps).toBe(0);
    vi.advanceTimersByTime(1);
    expect(gaps).toBe(1);
    tracker.noteThrough(2);
    expect(tracker.applied).toBe(3);
    tracker.note(4);
    vi.advanceTimersByTime(GAP_WAIT_MS * 2);
    expect(gaps).toBe(1);
  });

  it('never waits on one node, where every commit is its own', () => {
    vi.useFakeTimers();
    let gaps = 0;
    const tracker = new SequenceTracker(() => gaps++, false);
    tracker.noteThrough(10);
    tracker.note(12);
    vi.advanceTimersByTime(GAP_WAIT_MS * 4);
    expect(gaps).toBe(0);
    expect(tracker.applied).toBe(12);
  });
});
