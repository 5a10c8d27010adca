import { currentSigners } from '../../core/dissent-rules';
import type { LedgerEntry } from '../../core/ledger';
import type { DissentRows } from './dissent-rows';

/** A dissent as it stood at one point of the ledger. */
export interface DissentAsOf {
  row: DissentRows['dissents'][number];
  words: DissentRows['revisions'][number];
  withdrawnAt: Date | null;
  signers: { id: string; name: string; signedAt: Date }[];
}

/**
 * The dissents as they stood when the ledger reached `seq`: filed by then,
 * with the words of their last revision by then, withdrawn or not by then,
 * co-signed by whoever signed by then. A record pinned to its outcome entry
 * reads the same however the proposal moves on afterwards.
 */
export function dissentsAsOf(rows: DissentRows, entries: readonly LedgerEntry[], seq: number): DissentAsOf[] {
  const upTo = entries.filter((entry) => entry.seq <= seq);
  const ids = (kind: string, field: string) => new Set(upTo.filter((e) => e.kind === kind).map((e) => String(e.data[field])));
  const filed = ids('dissent.filed', 'dissentId');
  const withdrawn = ids('dissent.withdrawn', 'dissentId');
  const signatureIds = new Set(
    upTo.filter((e) => e.kind === 'dissent.signed' || e.kind === 'dissent.signature_withdrawn').map((e) => Number(e.data.signatureId)),
  );
  const lastRevision = new Map<string, number>();
  for (const e of upTo) {
    if (e.kind !== 'dissent.filed' && e.kind !== 'dissent.revised') continue;
    const id = String(e.data.dissentId);
    lastRevision.set(id, Math.max(lastRevision.get(id) ?? 0, Number(e.data.revision)));
  }
  return rows.dissents
    .filter((row) => filed.has(row.id))
    .flatMap((row) => {
      const words = rows.revisions.find((r) => r.dissentId === row.id && r.revision === lastRevision.get(row.id));
      if (!words) return [];
      const signatures = rows.signatures.filter((s) => s.dissentId === row.id && signatureIds.has(s.id));
      const names = new Map(signatures.map((s) => [s.userId, s.userName]));
      const signers = [...currentSigners(signatures.map((s) => ({ userId: s.userId, action: s.action, at: s.createdAt })))].map(
        ([id, signedAt]) => ({ id, name: names.get(id) ?? '', signedAt }),
      );
      const withdrawal = rows.withdrawals.find((w) => w.dissentId === row.id);
      return [{ row, words, withdrawnAt: withdrawn.has(row.id) && withdrawal ? withdrawal.createdAt : null, signers }];
    });
}
