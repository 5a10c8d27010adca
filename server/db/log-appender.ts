import { TEXT_FROZEN_STATUSES } from '../../core/proposal-status';

/** One row of the update log to append. */
export interface LogRow {
  proposalId: string;
  data: Uint8Array;
}

/** What one append stored. */
export interface AppendResult {
  /** Proposals whose rows were refused (not stored) because their text is frozen. */
  refused: ReadonlySet<string>;
  /**
   * For each proposal whose rows were stored, the sequence number before them: its k-th row of
   * the batch (in batch order) got `base + k`.
   */
  bases: ReadonlyMap<string, number>;
}

/**
 * Appends rows to the update log in one atomic statement; resolves once
 * committed, with what was refused and the sequence numbers given. Every row
 * not refused is stored.
 */
export type LogAppender = (rows: LogRow[]) => Promise<AppendResult>;

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
 * not frozen (FOR SHARE), take the next sequence numbers of their texts, store
 * only their rows (in batch order) and return each stored proposal's base.
 *
 * FOR SHARE conflicts with the FOR NO KEY UPDATE (and FOR UPDATE) lock that
 * opening a decision takes on the proposal row, so:
 * - an append that locks the row first holds it until it commits: the freeze
 *   waits, then reads a text that includes the append;
 * - an append that reaches a row the freeze holds waits for the freeze to
 *   end; under READ COMMITTED PostgreSQL then re-checks the WHERE clause on
 *   the row as the freeze committed it, finds it frozen and skips it: nothing
 *   of that proposal is stored (and if the freeze rolled back, all of it is).
 * FOR KEY SHARE (what the foreign key takes) would not do: it does not
 * conflict with FOR NO KEY UPDATE, so an append could read the old status
 * in its snapshot and commit after the freeze had read the text.
 *
 * The counters (`doc_sequence`) are locked in proposal order, so that two
 * nodes appending to the same texts never deadlock, and held until commit: the
 * rows of one text therefore commit in sequence order, whichever node wrote
 * them, and a reader never sees seq n + 1 without n. The UPDATE re-reads a
 * counter another append moved meanwhile (READ COMMITTED follows the row to
 * its latest version). The inserting CTE runs although nothing reads it.
 */
const APPEND_SQL =
  `with open as materialized (select id from proposal where id = any($3::text[]) ` +
  `and status not in (${TEXT_FROZEN_STATUSES.map(textLiteral).join(', ')}) for share), ` +
  `locked as materialized (select proposal_id from doc_sequence where proposal_id in (select id from open) ` +
  `order by proposal_id for update), ` +
  `v as (select proposal_id, data, n, row_number() over (partition by proposal_id order by n) as k ` +
  `from unnest($1::text[], $2::bytea[]) with ordinality as u (proposal_id, data, n)), ` +
  `counted as (select proposal_id, count(*) as c from v group by proposal_id), ` +
  `bumped as (update doc_sequence s set last_seq = s.last_seq + counted.c from counted ` +
  `where s.proposal_id = counted.proposal_id and s.proposal_id in (select proposal_id from locked) ` +
  `returning s.proposal_id, s.last_seq - counted.c as base), ` +
  `stored as (insert into doc_update (proposal_id, seq, data) select v.proposal_id, bumped.base + v.k, v.data ` +
  `from v join bumped on bumped.proposal_id = v.proposal_id order by v.n) ` +
  `select proposal_id as id, base from bumped`;

const NONE: ReadonlySet<string> = new Set();

/** The append's outcome for the proposals of the batch (`ids`, distinct), from the `stored` rows. */
function resultOf(ids: string[], stored: { id: string; base: string | number }[]): AppendResult {
  const bases = new Map(stored.map((row) => [row.id, Number(row.base)]));
  // Almost always every proposal of the batch is open: no set to build then.
  if (stored.length === ids.length) return { refused: NONE, bases };
  return { refused: new Set(ids.filter((id) => !bases.has(id))), bases };
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
      return resultOf(ids, results[0].rows as { id: string; base: string }[]);
    };
  }
  return async (rows) => {
    const ids = [...new Set(rows.map((row) => row.proposalId))];
    const result = await driver.query(APPEND_SQL, [rows.map((row) => row.proposalId), rows.map((row) => row.data), ids], STATEMENT);
    return resultOf(ids, result.rows as { id: string; base: string }[]);
  };
}
