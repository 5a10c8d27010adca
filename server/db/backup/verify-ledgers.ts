/**
 * Checks every proposal's ledger in a database with the server's own verifier
 * (server/services/verify-ledger.ts: the hash chain, the stored words against
 * the hashes entries recorded, and no unrecorded rows), so that a restore or
 * a move can show that the record arrived intact.
 */
import { asc } from 'drizzle-orm';
import { proposal } from '../schema';
import { checkLedger, type LedgerReport } from '../../services/verify-ledger';
import type { SqlConnection } from './sql-connection';

/** The ledgers that do not verify, with the report of each. */
export interface LedgerCheck {
  proposals: number;
  entries: number;
  broken: { proposalId: string; report: Extract<LedgerReport, { ok: false }> }[];
}

/** Verifies the ledger of every proposal in `connection`'s database. */
export async function verifyAllLedgers(connection: SqlConnection): Promise<LedgerCheck> {
  const rows = await connection.db.select({ id: proposal.id }).from(proposal).orderBy(asc(proposal.id));
  const check: LedgerCheck = { proposals: rows.length, entries: 0, broken: [] };
  for (const { id } of rows) {
    const report = await checkLedger(connection.db, id);
    check.entries += report.length;
    if (!report.ok) check.broken.push({ proposalId: id, report });
  }
  return check;
}

/** One line per broken ledger, for the commands' output. */
export function describeBroken(check: LedgerCheck): string[] {
  return check.broken.map(
    ({ proposalId, report }) => `  proposal ${proposalId}: entry ${report.brokenAt.seq}${report.brokenAt.kind ? ` (${report.brokenAt.kind})` : ''}: ${report.brokenAt.problem}`,
  );
}
