import { TEXT_FROZEN_STATUSES } from '../../core/proposal-status';

/** One row of the update log to append. */
export interface LogRow {
  proposalId: string;
  data: Uint8Array;
}

/**
 * Appends rows to the update log in one atomic statement; resolves once
 * committed, with the proposals whose rows were refused (not stored) because
 * their text is frozen. Every other row is stored.
 */
export type LogAppender = (rows: LogRow[]) => Promise<ReadonlySet<string>>;


/** An SQL string literal (quotes doubled; standard_conforming_strings is on, so backslashes are plain). */
function textLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A text[] literal, each element quoted (an id "NULL" must not read as a null). */
function textArrayLiteral(values: string[]): string {
  return textLiteral(`{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`);
}

/** A bytea[] literal of hex elements (the array parser reads `\\x` as `\x`). */
function byteaArrayLiteral(values: Uint8Array[]): string {
  return `'{${values.map((value) => `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`).join(',')}}'`;
}

/** Name of the prepared append (PGlite's single connection; node-postgres's connections). */
const STATEMENT = 'plenary_append_log';

/**
 * The append as one statement over three arrays ($1 each row's proposal, $2
 * each row's bytes, $3 the distinct proposals): lock the proposals that are
 * not frozen (FOR SHARE), store only their rows (in batch order), and return
 * the ids of those proposals. FOR SHARE conflicts with the FOR NO KEY UPDATE
 * (and FOR UPDATE) lock that opening a decision takes on the proposal row, so:
 * - an append that locks the row first holds it until it commits: the freeze
 *   waits, then reads a text that includes the append;
 * - an append that reaches a row the freeze holds waits for the freeze to
 *   end; under READ COMMITTED PostgreSQL then re-checks the WHERE clause on
 *   the row as the freeze committed it, finds it frozen and skips it: nothing
 *   of that proposal is stored (and if the freeze rolled back, all of it is).
 * FOR KEY SHARE (what the foreign key takes) would not do: it does not
 * conflict with FOR NO KEY UPDATE, so an append could read the old status
 * in its snapshot and commit after the freeze had read the text.
 * The inserting CTE runs to completion although nothing reads its output.
 */
const APPEND_SQL =
  `with open as materialized (select id from proposal where id = any($3::text[]) ` +
  `and status not in (${TEXT_FROZEN_STATUSES.map(textLiteral).join(', ')}) for share), ` +
  `stored as (insert into doc_update (proposal_id, data) select v.proposal_id, v.data ` +
  `from unnest($1::text[], $2::bytea[]) with ordinality as v (proposal_id, data, n) ` +
  `where v.proposal_id in (select id from open) order by v.n) ` +
  `select id from open`;

const NONE: ReadonlySet<string> = new Set();

/** The proposals of the batch (`ids`, distinct) that are not among the `stored` ones. */
function refusedOf(ids: string[], stored: { id: string }[]): ReadonlySet<string> {
  // Almost always every proposal of the batch is open: no set to build then.
  if (stored.length === ids.length) return NONE;
  const open = new Set(stored.map((row) => row.id));
  return new Set(ids.filter((id) => !open.has(id)));
}

/**
 * The update log's append, the sync server's hottest statement, written
 * straight for each driver, with the frozen-text check inside it (see
 * {@link APPEND_SQL}), so that it holds whichever node or process writes.
 * PGlite (in this process) prepares it once on its single connection and
 * runs it as one simple-protocol EXECUTE with the arrays as literals: no
 * parameter encoding, no parse/bind/describe round, and no planning per
 * append (the check makes the statement costlier to plan than to run).
 * node-postgres sends it parameterised; given a driver that forwards the
 * statement name, as a named statement, which each pooled connection parses
 * and plans once (unnamed, planning adds about 250 µs to each append).
 */
export function createLogAppender(
  driver:
    | { kind: 'pglite'; exec(sql: string): Promise<{ rows: unknown[] }[]> }
    | { kind: 'postgres'; query(sql: string, params: unknown[], name?: string): Promise<{ rows: unknown[] }> },
): LogAppender {
  if (driver.kind === 'pglite') {
    let prepared: Promise<unknown> | undefined;
    return async (rows) => {
      // Prepared statements belong to the connection, and PGlite has exactly one; a failed PREPARE is retried.
      prepared ??= driver.exec(`prepare ${STATEMENT} (text[], bytea[], text[]) as ${APPEND_SQL}`).catch((error: unknown) => {
        prepared = undefined;
        throw error;
      });
      await prepared;
      const ids = [...new Set(rows.map((row) => row.proposalId))];
      const results = await driver.exec(
        `execute ${STATEMENT} (${textArrayLiteral(rows.map((row) => row.proposalId))}, ${byteaArrayLiteral(rows.map((row) => row.data))}, ${textArrayLiteral(ids)})`,
      );
      return refusedOf(ids, results[0].rows as { id: string }[]);
    };
  }
  return async (rows) => {
    const ids = [...new Set(rows.map((row) => row.proposalId))];
    const result = await driver.query(APPEND_SQL, [rows.map((row) => row.proposalId), rows.map((row) => row.data), ids], STATEMENT);
    return refusedOf(ids, result.rows as { id: string }[]);
  };
}
