import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';

/** Per proposal: how many dissents stand, and how many of those are new to the reader. */
export interface DissentCounts {
  standing: number;
  fresh: number;
}

/**
 * Dissent counts for every proposal of an assembly that has dissents, for one
 * reader. "New" means standing, filed by someone else, after the ledger
 * position the reader last marked as seen.
 */
export async function dissentCountsByProposal(db: Queryable, assemblyId: string, readerId: string): Promise<Map<string, DissentCounts>> {
  const result = await db.execute(sql`
    select d.proposal_id,
      count(*) filter (where w.dissent_id is null)::int as standing,
      count(*) filter (where w.dissent_id is null and d.author_id <> ${readerId} and le.seq > coalesce(r.seen_seq, 0))::int as fresh
    from dissent d
    join proposal p on p.id = d.proposal_id and p.assembly_id = ${assemblyId}
    left join dissent_withdrawal w on w.dissent_id = d.id
    left join ledger_entry le on le.proposal_id = d.proposal_id and le.kind = 'dissent.filed' and le.entry->'data'->>'dissentId' = d.id
    left join dissent_reading r on r.proposal_id = d.proposal_id and r.user_id = ${readerId}
    group by d.proposal_id`);
  const rows = (result as unknown as { rows: { proposal_id: string; standing: number; fresh: number }[] }).rows;
  return new Map(rows.map((row) => [row.proposal_id, { standing: Number(row.standing), fresh: Number(row.fresh) }]));
}
