/** Waits between attempts of a catch-up that could not finish (the database away too): doubling up to the last. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** Runs a node's catch-up when asked: one at a time, once more when asked meanwhile, again later when incomplete. */
export interface CatchUpScheduler {
  /** Asks for a catch-up: starts one now, or one more right after the one running. */
  request(): void;
  /** Stops retrying (shutdown). */
  stop(): void;
}

/**
 * Makes the scheduler of `run`, which answers whether it could check
 * everything. Several triggers come together (the subscriber and the
 * publisher reconnecting, another node announcing its own return): they
 * coalesce into one run, plus one more if any came while it ran, since that
 * run may have read the database before what the trigger is about. A run that
 * could not finish is tried again after a growing delay, until one finishes.
 */
export function createCatchUpScheduler(run: () => Promise<boolean>, onError: (error: unknown) => void): CatchUpScheduler {
  let running = false;
  let again = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  async function loop(): Promise<void> {
    running = true;
    let complete = true;
    try {
      do {
        again = false;
        complete = await run().catch((error: unknown) => {
          onError(error);
          return false;
        });
      } while (again && !stopped);
    } finally {
      running = false;
    }
    if (complete || stopped) {
      failures = 0;
      return;
    }
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
    failures++;
    retry = setTimeout(() => {
      retry = undefined;
      request();
    }, delay);
    retry.unref();
  }

  function request(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (retry) clearTimeout(retry);
    retry = undefined;
    void loop();
  }

  return {
    request,
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
    },
  };
}
