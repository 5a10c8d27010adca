import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { proposal } from '../db/schema';
import { requireMembership } from './membership-guard';
import { loadAuthors } from './proposal-authors';
import { dissentCountsByProposal } from './dissent-counts';

/** The assembly's proposals with status, authors, last activity and dissent counts, most recently active first. */
export async function listProposals(db: Db, userId: string, assemblyId: string) {
  await requireMembership(db, assemblyId, userId);
  const rows = await db
    .select()
    .from(proposal)
    .where(eq(proposal.assemblyId, assemblyId))
    .orderBy(desc(proposal.lastActivityAt));
  const [authors, counts] = await Promise.all([
    loadAuthors(
      db,
      rows.map((r) => r.id),
    ),
    dissentCountsByProposal(db, assemblyId, userId),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    authors: authors.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    standingDissents: counts.get(row.id)?.standing ?? 0,
    newDissents: counts.get(row.id)?.fresh ?? 0,
  }));
}
