import { desc, eq } from 'drizzle-orm';
import { requireDissentAuthor, requireParticipation } from '../../core/dissent-rules';
import { dissentWordsHash } from '../../core/ledger-content';
import { refuse } from '../../core/refusals';
import type { ReviseDissentInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { dissentRevision } from '../db/schema';
import { openDissent } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { loadDissentViews } from './dissent-views';
import { appendLedgerEntry } from './ledger-writer';

/** Adds a revision to a dissent: its author only; every earlier revision stays. */
export async function reviseDissent(db: Db, actorId: string, dissentId: string, input: ReviseDissentInput) {
  const { proposalId, assemblyId, entry } = await db.transaction(async (tx) => {
    const opened = await openDissent(tx, dissentId, actorId);
    requireDissentAuthor(opened.dissent, actorId);
    requireParticipation(opened.role, opened.proposal.status);
    if (opened.withdrawn) throw refuse('DISSENT_WITHDRAWN');
    const [latest] = await tx
      .select()
      .from(dissentRevision)
      .where(eq(dissentRevision.dissentId, dissentId))
      .orderBy(desc(dissentRevision.revision))
      .limit(1);
    const words = { title: input.title, body: input.body, alternativeWording: input.alternativeWording };
    if (latest && dissentWordsHash(latest) === dissentWordsHash(words)) throw refuse('REVISION_UNCHANGED');
    const revision = (latest?.revision ?? 0) + 1;
    await tx.insert(dissentRevision).values({ dissentId, revision, ...words });
    const entry = await appendLedgerEntry(tx, {
      proposalId: opened.proposal.id,
      kind: 'dissent.revised',
      actorId,
      data: { dissentId, revision, contentHash: dissentWordsHash(words) },
    });
    return { proposalId: opened.proposal.id, assemblyId: opened.proposal.assemblyId, entry };
  });
  await announceDissentChange(db, { type: 'dissent.revised', assemblyId, proposalId, dissentId, actorId, entry }, false);
  const { dissents } = await loadDissentViews(db, actorId, proposalId, [dissentId]);
  return dissents[0];
}
