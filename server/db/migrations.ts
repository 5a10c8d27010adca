import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the committed SQL migrations (drizzle/). */
export const MIGRATIONS_FOLDER = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../drizzle');

/**
 * Key of the advisory lock held on PostgreSQL while migrations run (a server
 * starting, a restore): nodes starting together, or a server started during a
 * restore, take turns instead of applying the same migration at once.
 */
export const MIGRATION_LOCK = 7_305_002;
