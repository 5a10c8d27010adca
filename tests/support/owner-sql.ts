import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { TestServer } from './test-server';

/**
 * Runs each statement, in order, in one transaction as the tables' owner, for
 * test set-up that the server's role (plenary_app) may not do: creating or
 * disabling triggers, tampering with append-only rows.
 *
 * On PostgreSQL that is a connection of its own to the owner's URL: the
 * server's login role is only a member of plenary_app, so its connections
 * cannot become the owner (which is the point). On PGlite the single
 * connection belongs to the owner, and `SET LOCAL ROLE NONE` returns to it
 * until the transaction ends, so the server's own queries are back to
 * plenary_app right after.
 */
export async function ownerSql(server: Pick<TestServer, 'database' | 'ownerUrl'>, ...statements: string[]): Promise<void> {
  if (server.ownerUrl) {
    const client = new pg.Client({ connectionString: server.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      try {
        for (const statement of statements) await client.query(statement);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      await client.end();
    }
    return;
  }
  if (server.database.kind === 'postgres') {
    // Without the owner's URL the only way back would be the escape this set-up must not rely on.
    throw new Error('ownerSql on PostgreSQL needs the test server\'s ownerUrl');
  }
  await server.database.db.transaction(async (tx) => {
    await tx.execute(sql.raw('SET LOCAL ROLE NONE'));
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}
