import type { Db } from '../db/database';
import { onEvent } from '../realtime/event-bus';
import { logger } from '../logging/logger';
import { closeDueDecisions, nextDeadline } from './close-decision';

/** The longest wait between checks: also catches decisions another node opened, and clock jumps. */
const MAX_WAIT_MS = 60_000;

/** A running watch over decision deadlines. */
export interface DeadlineWatch {
  /** Closes what is due now and re-arms the timer (also called on every decision opened here). */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Closes decisions at their deadlines: once at start (those that passed while
 * the server was down), then at the next deadline (checked at least every
 * minute). Closing is exactly-once in the database (see closeDueDecisions),
 * so several nodes, or a check racing an early close, cannot close one twice.
 */
export function watchDecisionDeadlines(db: Db): DeadlineWatch {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;

  const arm = async () => {
    if (stopped) return;
    const next = await nextDeadline(db);
    const wait = next ? Math.max(0, Math.min(MAX_WAIT_MS, next.getTime() - Date.now())) : MAX_WAIT_MS;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), wait);
    timer.unref();
  };

  const check = (): Promise<void> =>
    (running ??= (async () => {
      try {
        await closeDueDecisions(db);
      } catch (error) {
        logger().error({ component: 'decisions', err: error }, 'closing due decisions failed; trying again at the next check');
      } finally {
        running = undefined;
        await arm().catch((error: unknown) => logger().error({ component: 'decisions', err: error }, 'could not schedule the next deadline check'));
      }
    })());

  const stopListening = onEvent((event) => {
    if (event.type === 'decision.opened') void check();
  });

  return {
    check,
    stop() {
      stopped = true;
      stopListening();
      clearTimeout(timer);
    },
  };
}
