import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../server/db/database';

/**
 * Runs `work` in a transaction as the tables' owner, for test set-up that the
 * server's role (plenary_app) may not do: creating or disabling triggers,
 * tampering with append-only rows. `SET LOCAL ROLE NONE` returns to the session
 * user (PGlite's postgres, or TEST_DATABASE_URL's superuser, who ran the
 * migrations) until the transaction ends, so the server's own queries, on the
 * same PGlite connection or pool, are back to plenary_app right after.
 */
export async function asOwner<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw('SET LOCAL ROLE NONE'));
    return work(tx);
  });
}

/** Runs each statement, in order, in one transaction as the tables' owner. */
export async function ownerSql(db: Db, ...statements: string[]): Promise<void> {
  await asOwner(db, async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}
