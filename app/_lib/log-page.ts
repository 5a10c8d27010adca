/** How many assembly-log entries each page holds, on the server's first render and on "Load older". */
export const LOG_PAGE_SIZE = 30;

/** A page of the log, newest first, and the cursor of the page after it (null at the beginning of the log). */
export interface LogPage<T extends { id: number }> {
  entries: T[];
  nextBefore: number | null;
}

/**
 * What the log shows once a fresh newest page arrives (a live update) while
 * older pages were loaded on request: the fresh page, then the entries shown
 * before that it does not repeat, with the cursor of the oldest loaded. When
 * the fresh page does not reach what was shown (more new entries than a page
 * holds), the two cannot be joined without a gap: start over from the fresh page.
 */
export function mergeNewestPage<T extends { id: number }>(shown: LogPage<T>, fresh: LogPage<T>): LogPage<T> {
  if (shown.entries.length === 0) return fresh;
  const freshIds = new Set(fresh.entries.map((entry) => entry.id));
  if (!shown.entries.some((entry) => freshIds.has(entry.id))) return fresh;
  return {
    entries: [...fresh.entries, ...shown.entries.filter((entry) => !freshIds.has(entry.id))],
    nextBefore: shown.nextBefore,
  };
}
