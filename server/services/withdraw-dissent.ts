import { requireDissentAuthor, requireParticipation } from '../../core/dissent-rules';
import { refuse } from '../../core/refusals';
import type { Db } from '../db/database';
import { dissentWithdrawal } from '../db/schema';
import { openDissent } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { loadDissentViews } from './dissent-views';
import { appendLedgerEntry } from './ledger-writer';

/** Withdraws a dissent: its author only. It stays in the record, marked withdrawn, with its history. */
export async function withdrawDissent(db: Db, actorId: string, dissentId: string) {
  const { proposalId, assemblyId, entry } = await db.transaction(async (tx) => {
    const opened = await openDissent(tx, dissentId, actorId);
    requireDissentAuthor(opened.dissent, actorId);
    requireParticipation(opened.role, opened.proposal.status);
    if (opened.withdrawn) throw refuse('DISSENT_WITHDRAWN');
    await tx.insert(dissentWithdrawal).values({ dissentId });
    const entry = await appendLedgerEntry(tx, { proposalId: opened.proposal.id, kind: 'dissent.withdrawn', actorId, data: { dissentId } });
    return { proposalId: opened.proposal.id, assemblyId: opened.proposal.assemblyId, entry };
  });
  await announceDissentChange(db, { type: 'dissent.withdrawn', assemblyId, proposalId, dissentId, actorId, entry }, true);
  const { dissents } = await loadDissentViews(db, actorId, proposalId, [dissentId]);
  return dissents[0];
}
