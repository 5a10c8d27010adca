import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { dissent } from '../db/schema';
import { refuse } from '../../core/refusals';
import { readableProposal } from './dissent-guard';
import { loadDissentViews } from './dissent-views';
import { renderMarkdown } from './render-markdown';

/** One dissent with every revision of its words, oldest first, for members of its proposal's assembly. */
export async function getDissent(db: Db, userId: string, dissentId: string) {
  const [row] = await db.select({ proposalId: dissent.proposalId }).from(dissent).where(eq(dissent.id, dissentId));
  if (!row) throw refuse('DISSENT_NOT_FOUND');
  await readableProposal(db, row.proposalId, userId, 'DISSENT_NOT_FOUND');
  const { dissents, rows } = await loadDissentViews(db, userId, row.proposalId, [dissentId]);
  const revisions = rows.revisions.map((r) => ({
    revision: r.revision,
    title: r.title,
    body: r.body,
    bodyHtml: renderMarkdown(r.body),
    alternativeWording: r.alternativeWording,
    createdAt: r.createdAt.toISOString(),
  }));
  return { ...dissents[0], revisions };
}
