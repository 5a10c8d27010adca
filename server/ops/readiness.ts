import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { logger } from '../logging/logger';

/** One dependency the server needs before it should be sent traffic. */
export interface ReadinessCheck {
  /** The name the /readyz answer reports it under, e.g. `database`. */
  name: string;
  /** Resolves when the dependency answers; rejects (or never settles) when it does not. */
  run(): Promise<unknown>;
}

/** The outcome of every check: `ok`, `failed` (it rejected) or `timeout` (it did not answer in time). */
export type CheckOutcome = 'ok' | 'failed' | 'timeout';

/** What /readyz reports. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckOutcome>;
}

/** How long a check may take before the server counts as not ready. */
export const READINESS_TIMEOUT_MS = 2_000;

/** Checks that the database answers a trivial query (a pool with no free connection counts as not answering). */
export function databaseCheck(db: Db): ReadinessCheck {
  return { name: 'database', run: () => db.execute(sql`select 1`) };
}

async function runWithin(check: ReadinessCheck, timeoutMs: number): Promise<{ outcome: CheckOutcome; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ outcome: CheckOutcome }>((done) => {
    timer = setTimeout(() => done({ outcome: 'timeout' }), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([
      check.run().then(
        () => ({ outcome: 'ok' as const }),
        (error: unknown) => ({ outcome: 'failed' as const, error }),
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Makes the readiness probe: runs every check at once, each within `timeoutMs`.
 * A check that starts failing is logged once (probes come every few seconds;
 * a line per probe would bury the log), and again once it has recovered.
 */
export function createReadinessProbe(checks: readonly ReadinessCheck[], timeoutMs = READINESS_TIMEOUT_MS): () => Promise<ReadinessReport> {
  const failing = new Set<string>();
  return async () => {
    const results = await Promise.all(checks.map(async (check) => [check, await runWithin(check, timeoutMs)] as const));
    const report: ReadinessReport = { ready: true, checks: {} };
    for (const [check, { outcome, error }] of results) {
      report.checks[check.name] = outcome;
      if (outcome !== 'ok') {
        report.ready = false;
        if (!failing.has(check.name)) logger().error({ component: 'readyz', check: check.name, outcome, err: error }, 'readiness check failing');
        failing.add(check.name);
      } else if (failing.delete(check.name)) {
        logger().info({ component: 'readyz', check: check.name }, 'readiness check ok again');
      }
    }
    return report;
  };
}
