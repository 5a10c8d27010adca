import type { Db } from '../db/database';
import { readableProposal } from './dissent-guard';
import { loadDissentViews } from './dissent-views';

/** A proposal's dissents with their threads and signers, the ledger head, and how far the caller has read. */
export async function listDissents(db: Db, userId: string, proposalId: string) {
  await readableProposal(db, proposalId, userId);
  const { dissents, ledgerHead, seenSeq } = await loadDissentViews(db, userId, proposalId);
  return { dissents, ledgerHead, seenSeq };
}
