import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from './data-dir-lock';

/** The embedded database of a data folder, opened by this process alone. */
export interface EmbeddedClient {
  client: PGlite;
  /** The data folder, absolute. */
  folder: string;
  /** Closes the database, then releases the folder's lock. */
  close(): Promise<void>;
}

/**
 * Opens the PGlite database under `dataDir` (creating the folder), holding the
 * folder's lock first: PGlite has no lock of its own, and two processes on one
 * folder would corrupt it. Throws DataDirLockedError while another process
 * holds it.
 */
export async function openEmbeddedClient(dataDir: string): Promise<EmbeddedClient> {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const release = acquireDataDirLock(folder);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = await PGlite.create(join(folder, 'pglite'));
    return {
      client,
      folder,
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
