import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';
import { createTestPostgresDatabase } from './test-database';

/** A real Plenary server on a free port, with its own database, for one test file. */
export interface TestServer extends RunningServer {
  /** The data folder (embedded database, secret). */
  dataDir: string;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

/**
 * Starts the production build in this process on port 0 with a fresh
 * database: PGlite in a temporary folder, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set. `env` overrides configuration variables.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-test-'));
  const postgres = await createTestPostgresDatabase();
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SIGN_IN_RATE_LIMIT_MAX: '1000',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...env,
  });
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
