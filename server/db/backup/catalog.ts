/**
 * What a database holds, read from pg_catalog: the tables of schema `public`
 * (where drizzle creates Plenary's tables; its own bookkeeping lives in schema
 * `drizzle`), their columns, primary keys and foreign keys. Reading the
 * catalog rather than the drizzle schema lets a backup describe the database
 * as it is, even when it was migrated by another version of Plenary.
 */
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema';
import type { SqlConnection } from './sql-connection';

/** One table as the catalog describes it. */
export interface TableInfo {
  name: string;
  /** Stored columns in their order (generated columns left out: they cannot be inserted). */
  columns: string[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Other tables this one's foreign keys point at. */
  references: string[];
}

/** The tables of schema `public`, by name. */
export async function readCatalog(connection: SqlConnection): Promise<Map<string, TableInfo>> {
  const scope = `n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`;
  // One after another: a PostgreSQL session runs one statement at a time.
  const tables = await connection.query<{ name: string }>(
    `select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${scope} order by 1`,
  );
  const columns = await connection.query<{ table: string; column: string }>(
    `select c.relname::text as table, a.attname::text as column
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where ${scope} and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const keys = await connection.query<{ table: string; column: string }>(
    `select c.relname::text as table, a.attname::text as column
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where ${scope} and i.indisprimary
      order by c.relname, k.position`,
  );
  const references = await connection.query<{ table: string; target: string }>(
    `select distinct c.relname::text as table, r.relname::text as target
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_class r on r.oid = k.confrelid
      where ${scope} and k.contype = 'f'
      order by 1, 2`,
  );
  const catalog = new Map<string, TableInfo>(tables.map(({ name }) => [name, { name, columns: [], primaryKey: [], references: [] }]));
  for (const row of columns) catalog.get(row.table)?.columns.push(row.column);
  for (const row of keys) catalog.get(row.table)?.primaryKey.push(row.column);
  // A reference to itself orders nothing between tables; one to a table elsewhere is not ours to order.
  for (const row of references) if (row.table !== row.target && catalog.has(row.target)) catalog.get(row.table)?.references.push(row.target);
  return catalog;
}

/** The names of the tables Plenary's drizzle schema (server/db/schema.ts) declares. */
export function schemaTableNames(): Set<string> {
  return new Set(Object.values(schema).filter((value) => is(value, PgTable)).map((table) => getTableName(table as PgTable)));
}

/** `name` quoted as an SQL identifier (`user` is a reserved word). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
