import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';
import { createTestPostgresDatabase } from './test-database';

/** A real Plenary server on a free port, with its own database, for one test file. */
export interface TestServer extends RunningServer {
  /** The data folder (embedded database, secret). */
  dataDir: string;
  /** The configuration variables it was started with (to start another process on the same data). */
  env: Record<string, string>;
  /**
   * On PostgreSQL, the per-file database as the tables' owner (DATABASE_MIGRATION_URL), for
   * test set-up the server's own login role may not do; undefined on PGlite.
   */
  ownerUrl?: string;
  /**
   * Stops the server and starts it again on the same port and data (sessions stay valid);
   * `whileDown` runs in between (for example, to let a deadline pass while no server runs).
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

/**
 * Starts the production build in this process on port 0 with a fresh
 * database: PGlite in a temporary folder, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set. On PostgreSQL it runs as a careful deployment
 * does: migrations as the owner, queries over a login role that is only a
 * member of plenary_app. `env` overrides configuration variables.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-test-'));
  const postgres = await createTestPostgresDatabase();
  const variables: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SIGN_IN_RATE_LIMIT_MAX: '1000',
    // Warnings and errors only: an access line per request would bury the test output.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(postgres ? postgres.env : {}),
    ...env,
  };
  let config: Config = loadConfig(variables);
  let running = await startServer(config);
  variables.PORT = String(running.port);
  config = loadConfig(variables);

  const server: TestServer = {
    ...running,
    dataDir,
    env: variables,
    ownerUrl: postgres?.url,
    async restart(whileDown) {
      await running.close();
      await whileDown?.();
      running = await startServer(config);
      Object.assign(server, running, { close: running.close });
    },
    async stop() {
      await running.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
