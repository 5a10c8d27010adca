import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/database';
import { RECORD_TABLES } from '../../server/db/login-role-check';

/** Tables whose contents a refused request must leave as they were: the mutable ones and the record's. */
const TABLES = [
  'user',
  'account',
  'assembly',
  'membership',
  'invitation',
  'proposal',
  'proposal_author',
  'doc_update',
  'doc_snapshot',
  'dissent_reading',
  'assembly_decision_settings',
  ...RECORD_TABLES,
];

/** A hash of every row of the application's tables: equal before and after means nothing changed. */
export async function fingerprint(db: Db): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const result = await db.execute(sql.raw(`select * from "${table}"`));
    const rows = (result as unknown as { rows: unknown[] }).rows;
    // Row order is not guaranteed without a total ORDER BY: compare sorted serialisations.
    const serialised = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(table).update(JSON.stringify(serialised));
  }
  return hash.digest('hex');
}
