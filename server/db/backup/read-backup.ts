/**
 * Reads the lines of a backup (see backup-format.ts) and checks their shape as
 * they stream by: the header first, then every table of the header in its
 * order, rows that are JSON objects, and a trailer whose row counts match the
 * rows seen. Rows come out in batches, still as text, ready for
 * json_populate_recordset. Whatever is wrong is thrown as a BackupError at the
 * line where it shows; a restore reading these events inside its transaction
 * then rolls everything back.
 */
import { BackupError, messageOf } from './backup-error';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  headerSchema,
  ROW_PREFIX,
  trailerSchema,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';

/** What a backup holds, in the order it holds it. */
export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string }
  | { kind: 'rows'; table: string; rows: string[] }
  | { kind: 'table-end'; table: string; rows: number }
  | { kind: 'trailer'; trailer: BackupTrailer };

/** A batch ends at this many rows or characters, whichever comes first (memory stays bounded). */
const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseHeader(line: string, source: string): BackupHeader {
  const value = parseObject(line);
  // Garbled bytes decompress to garbage before gzip's checksum at the end can tell: unreadable means damaged too.
  if (value === undefined) throw new BackupError(`${source} is damaged or not a Plenary backup: its first line is not a readable header. Use another backup file.`);
  if (value.format !== BACKUP_FORMAT) throw new BackupError(`${source} is not a Plenary backup (it does not start with a plenary-backup header).`);
  if (typeof value.version === 'number' && value.version > BACKUP_VERSION) {
    throw new BackupError(`${source} is in backup format ${value.version}; this version of Plenary reads format ${BACKUP_VERSION}. Restore it with a newer Plenary.`);
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(`${source} has a damaged header (${parsed.error.issues[0]?.message}). Use another backup file.`);
  return parsed.data;
}

/** Yields the events of the backup whose lines are `lines`; `source` names it in messages. */
export async function* readBackup(lines: AsyncIterable<string>, source: string): AsyncGenerator<BackupEvent> {
  const iterator = lines[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async (): Promise<string | undefined> => {
    const result = await iterator.next();
    if (result.done) return undefined;
    lineNumber++;
    return result.value;
  };

  try {
    yield* readEvents(next, () => lineNumber, source);
  } finally {
    // Stopped early (an error, a refusal): let the source end too (a file stream, an export's transaction).
    await iterator.return?.();
  }
}

/** The checks and events of {@link readBackup}, over its line source. */
async function* readEvents(next: () => Promise<string | undefined>, lineNumberNow: () => number, source: string): AsyncGenerator<BackupEvent> {
  const damaged = (problem: string) => new BackupError(`${source} is damaged at line ${lineNumberNow()}: ${problem}. Use another backup file.`);
  const first = await next();
  if (first === undefined) throw new BackupError(`${source} is empty. Use another backup file.`);
  const header = parseHeader(first, source);
  yield { kind: 'header', header };

  const counts: Record<string, number> = {};
  let current: string | undefined;
  let tableIndex = 0;
  let batch: string[] = [];
  let batchChars = 0;
  let rows = 0;
  // Closes the current table: its last batch, then its count.
  function* endTable(): Generator<BackupEvent> {
    if (current === undefined) return;
    if (batch.length > 0) yield { kind: 'rows', table: current, rows: batch };
    batch = [];
    batchChars = 0;
    counts[current] = rows;
    yield { kind: 'table-end', table: current, rows };
  }

  for (;;) {
    const line = await next();
    if (line === undefined) {
      throw new BackupError(
        `${source} is incomplete: it ends at line ${lineNumberNow()}, before its trailer. The file was cut short ` +
          '(an interrupted copy or backup, a full disk). Use a complete backup file.',
      );
    }
    if (line.startsWith(ROW_PREFIX)) {
      if (current === undefined) throw damaged('a row before the first table');
      const json = line.slice(ROW_PREFIX.length, -1);
      if (!line.endsWith('}') || parseObject(json) === undefined) throw damaged(`a row of table ${current} is not a JSON object`);
      batch.push(json);
      batchChars += json.length;
      rows++;
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) {
        yield { kind: 'rows', table: current, rows: batch };
        batch = [];
        batchChars = 0;
      }
      continue;
    }
    const value = parseObject(line);
    if (typeof value?.table === 'string') {
      yield* endTable();
      const expected = header.tables[tableIndex]?.name;
      if (value.table !== expected) throw damaged(`found table ${value.table} where ${expected ?? 'the trailer'} should come`);
      current = value.table;
      tableIndex++;
      rows = 0;
      yield { kind: 'table', table: current };
      continue;
    }
    if (value?.end === BACKUP_FORMAT) {
      yield* endTable();
      if (tableIndex < header.tables.length) throw damaged(`the trailer comes before table ${header.tables[tableIndex].name}`);
      const parsed = trailerSchema.safeParse(value);
      if (!parsed.success) throw damaged(`the trailer is not readable (${parsed.error.issues[0]?.message})`);
      for (const { name } of header.tables) {
        if (parsed.data.rows[name] !== counts[name]) {
          throw damaged(`table ${name} has ${counts[name]} rows, but the trailer says ${parsed.data.rows[name] ?? 'none'}`);
        }
      }
      for (let extra = await next(); extra !== undefined; extra = await next()) {
        if (extra.trim() !== '') throw damaged('there is more after the trailer');
      }
      yield { kind: 'trailer', trailer: parsed.data };
      return;
    }
    throw damaged(value ? 'a line that is neither a table, a row nor the trailer' : `a line that is not JSON (${messageOf(tryParse(line))})`);
  }
}

/** JSON.parse's complaint about `line`, for the message of a damaged line. */
function tryParse(line: string): unknown {
  try {
    JSON.parse(line);
    return 'not an object';
  } catch (error) {
    return error;
  }
}
