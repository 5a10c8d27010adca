import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { session } from '../db/schema';

/** Whether a session still exists and has not expired (a sync token must not outlive its session). */
export async function isSessionAlive(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: session.id })
    .from(session)
    .where(and(eq(session.id, sessionId), gt(session.expiresAt, new Date())));
  return row !== undefined;
}
