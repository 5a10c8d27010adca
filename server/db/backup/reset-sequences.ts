/**
 * After rows are inserted with their ids, the sequences behind serial and
 * identity columns still stand at 1: the first row the server then adds (an
 * update of a text, an assembly-log entry) would collide with a restored id.
 * Each is set so that its next value is one past the largest id in its column.
 */
import { quoteIdent } from './catalog';
import type { SqlConnection } from './sql-connection';

/** Moves every sequence owned by a column of schema `public` past that column's largest value. */
export async function resetSequences(connection: SqlConnection): Promise<number> {
  const owned = await connection.query<{ table: string; column: string; sequence: string }>(
    `select c.relname::text as table, a.attname::text as column,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`,
  );
  for (const { table, column, sequence } of owned) {
    // is_called = false: the next nextval() returns exactly this value (1 for an empty table).
    await connection.query(`select setval($1::regclass, coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(table)}), 0) + 1, false)`, [sequence]);
  }
  return owned.length;
}
