import type { Auth } from './auth/auth';
import type { Mailer } from './auth/mailer';
import type { Config } from './config';
import type { Db } from './db/database';
import type { LogAppender } from './db/log-appender';

/** What every request handler needs: made once by `server/main.ts`, shared by all bundles. */
export interface Runtime {
  config: Config;
  db: Db;
  /** Appends to the update log straight on the driver (the sync server's hot path). */
  appendLog: LogAppender;
  auth: Auth;
  mailer: Mailer;
  /** Origin that people reach this server at. */
  publicUrl: string;
  /** Origins browsers may send requests from. */
  trustedOrigins: string[];
  /** The server secret (session cookies, sync tokens). */
  secret: string;
}

interface RuntimeSlot {
  runtime?: Runtime;
  ready: Promise<Runtime>;
  resolve(runtime: Runtime): void;
}

// Next loads a module once per bundle, so a module-level variable would not
// be shared between the custom server and the route handlers: use globalThis.
const KEY = Symbol.for('plenary.runtime');

function slot(): RuntimeSlot {
  const holder = globalThis as unknown as Record<symbol, RuntimeSlot | undefined>;
  let current = holder[KEY];
  if (!current) {
    let resolve!: (runtime: Runtime) => void;
    const ready = new Promise<Runtime>((r) => (resolve = r));
    current = { ready, resolve: (runtime) => resolve(runtime) };
    holder[KEY] = current;
  }
  return current;
}

/** Publishes the runtime to every bundle of this process. */
export function setRuntime(runtime: Runtime): void {
  const current = slot();
  current.runtime = runtime;
  current.resolve(runtime);
}

/** Forgets the runtime (on shutdown), so that a later server in the same process starts clean. */
export function clearRuntime(): void {
  delete (globalThis as unknown as Record<symbol, unknown>)[KEY];
}

/** The runtime, waiting for the composition root to finish starting if need be. */
export function getRuntime(): Promise<Runtime> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // No server runs during `next build`: fail at once rather than wait forever.
    return Promise.reject(new Error('The Plenary runtime is not available while building.'));
  }
  const current = slot();
  return current.runtime ? Promise.resolve(current.runtime) : current.ready;
}
