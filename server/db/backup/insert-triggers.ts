/**
 * A restore puts back rows exactly as they were, including the rows that
 * INSERT triggers made from other rows at the time (migration 0006's trigger
 * gives every new proposal its doc_sequence row): letting those triggers fire
 * again would make the same rows twice. So, inside the restore's transaction,
 * the user-defined triggers that fire on INSERT are disabled on the tables
 * being filled and enabled again (as they were: ORIGIN, ALWAYS or REPLICA)
 * before it commits; a rollback undoes both. Only the tables' owner may do
 * this. Foreign keys are system triggers and stay on, and the append-only
 * triggers fire on UPDATE, DELETE and TRUNCATE only, so nothing the restore
 * inserts escapes a check.
 */
import { quoteIdent } from './catalog';
import type { SqlConnection } from './sql-connection';

/** How pg_trigger.tgenabled is set back with ALTER TABLE. */
const ENABLE: Record<string, string> = { O: 'enable trigger', A: 'enable always trigger', R: 'enable replica trigger' };

/** Disables the INSERT triggers of `tables` until the returned function enables them again (both inside the caller's transaction). */
export async function suspendInsertTriggers(connection: SqlConnection, tables: readonly string[]): Promise<() => Promise<void>> {
  const triggers = await connection.query<{ table: string; trigger: string; enabled: string }>(
    `select c.relname::text as table, t.tgname::text as trigger, t.tgenabled::text as enabled
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = any($1::text[]) and not t.tgisinternal
        and t.tgenabled <> 'D' and (t.tgtype & 4) <> 0
      order by 1, 2`,
    [tables],
  );
  for (const { table, trigger } of triggers) {
    await connection.query(`alter table ${quoteIdent(table)} disable trigger ${quoteIdent(trigger)}`);
  }
  return async () => {
    for (const { table, trigger, enabled } of triggers) {
      await connection.query(`alter table ${quoteIdent(table)} ${ENABLE[enabled] ?? ENABLE.O} ${quoteIdent(trigger)}`);
    }
  };
}
