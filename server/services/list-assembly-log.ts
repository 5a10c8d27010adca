import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { assemblyLog, user } from '../db/schema';
import { requireMembership } from './membership-guard';

/** The assembly's log, newest first, a page at a time (`before` an entry id), for any member. */
export async function listAssemblyLog(db: Db, userId: string, assemblyId: string, page: { before?: number; limit: number }) {
  await requireMembership(db, assemblyId, userId);
  const subject = alias(user, 'subject');
  const rows = await db
    .select({
      id: assemblyLog.id,
      action: assemblyLog.action,
      details: assemblyLog.details,
      createdAt: assemblyLog.createdAt,
      actorId: user.id,
      actorName: user.name,
      subjectId: subject.id,
      subjectName: subject.name,
    })
    .from(assemblyLog)
    .innerJoin(user, eq(user.id, assemblyLog.actorId))
    .leftJoin(subject, eq(subject.id, assemblyLog.subjectUserId))
    .where(and(eq(assemblyLog.assemblyId, assemblyId), page.before ? lt(assemblyLog.id, page.before) : undefined))
    .orderBy(desc(assemblyLog.id))
    // One row more than asked tells whether an older page exists.
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  rows.length = Math.min(rows.length, page.limit);
  return {
    entries: rows.map((row) => ({
      id: row.id,
      action: row.action,
      details: row.details,
      actor: { id: row.actorId, name: row.actorName },
      subject: row.subjectId ? { id: row.subjectId, name: row.subjectName ?? '' } : null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextBefore: more ? rows[rows.length - 1].id : null,
  };
}
