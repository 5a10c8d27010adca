import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { session } from '../db/schema';

/** Whether a member's session still exists and has not expired (a live connection opened with it may go on). */
export async function isSessionAlive(db: Queryable, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: session.id })
    .from(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId), gt(session.expiresAt, sql`now()`)));
  return Boolean(row);
}
