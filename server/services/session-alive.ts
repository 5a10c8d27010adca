import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { session } from '../db/schema';

/** The condition a session row meets while it is this member's and has not expired. */
export function liveSession(sessionId: string, userId: string): SQL {
  return and(eq(session.id, sessionId), eq(session.userId, userId), gt(session.expiresAt, sql`now()`))!;
}

/** Whether a member's session still exists and has not expired (a live connection opened with it may go on). */
export async function isSessionAlive(db: Queryable, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: session.id }).from(session).where(liveSession(sessionId, userId));
  return Boolean(row);
}
