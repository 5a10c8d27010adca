import { asc, eq } from 'drizzle-orm';
import { checkSignatureChange, currentSigners, requireParticipation } from '../../core/dissent-rules';
import type { Db } from '../db/database';
import { dissentSignature } from '../db/schema';
import { openDissent } from './dissent-guard';
import { announceDissentChange } from './dissent-events';
import { loadDissentViews } from './dissent-views';
import { appendLedgerEntry } from './ledger-writer';

/**
 * Co-signs a dissent (`sign`), or takes the caller's own signature back.
 * Both are new rows and ledger entries: a signature taken back stays in the history.
 */
export async function setCoSignature(db: Db, actorId: string, dissentId: string, sign: boolean) {
  const { proposalId, assemblyId, entry } = await db.transaction(async (tx) => {
    const opened = await openDissent(tx, dissentId, actorId);
    requireParticipation(opened.role, opened.proposal.status);
    const history = await tx
      .select()
      .from(dissentSignature)
      .where(eq(dissentSignature.dissentId, dissentId))
      .orderBy(asc(dissentSignature.id));
    const signsNow = currentSigners(history.map((s) => ({ userId: s.userId, action: s.action, at: s.createdAt }))).has(actorId);
    checkSignatureChange({ authorId: opened.dissent.authorId, withdrawn: opened.withdrawn }, actorId, signsNow, sign);
    const [row] = await tx
      .insert(dissentSignature)
      .values({ dissentId, userId: actorId, action: sign ? 'sign' : 'unsign' })
      .returning({ id: dissentSignature.id });
    const entry = await appendLedgerEntry(tx, {
      proposalId: opened.proposal.id,
      kind: sign ? 'dissent.signed' : 'dissent.signature_withdrawn',
      actorId,
      data: { dissentId, signatureId: row.id },
    });
    return { proposalId: opened.proposal.id, assemblyId: opened.proposal.assemblyId, entry };
  });
  const type = sign ? 'dissent.signed' : 'dissent.unsigned';
  await announceDissentChange(db, { type, assemblyId, proposalId, dissentId, actorId, entry }, false);
  const { dissents } = await loadDissentViews(db, actorId, proposalId, [dissentId]);
  return dissents[0];
}
