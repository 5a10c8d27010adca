import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPostgresDatabase } from './test-database';

/** Where a server process of one test file keeps its data, and the environment that says so. */
export interface ServerStore {
  /** NODE_ENV, a free port on loopback, DATA_DIR, and (on the PostgreSQL pass) the database URLs. */
  env: Record<string, string>;
  /** Drops the database and removes the data folder. */
  dispose(): Promise<void>;
}

/**
 * A fresh temporary DATA_DIR and, when TEST_DATABASE_URL names a server, a
 * fresh PostgreSQL database reached as a careful deployment would (migrations
 * as the owner, queries over a login role that owns nothing), for a server
 * started as a child process (`spawnServer`), e.g. to kill or stop it.
 */
export async function createServerStore(label: string): Promise<ServerStore> {
  const dataDir = mkdtempSync(join(tmpdir(), `plenary-${label}-`));
  const postgres = await createTestPostgresDatabase();
  return {
    env: {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(postgres?.env ?? { DATABASE_URL: '' }),
      SIGN_IN_RATE_LIMIT_MAX: '1000',
    },
    async dispose() {
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
