/**
 * Backup files on disk: lines streamed through gzip into a new file (never
 * over an existing one), and lines streamed back out of one. gzip's own check
 * (CRC-32 and length) catches a damaged or cut file as it is read; the
 * backup's trailer catches a file that ends cleanly but early.
 */
import { open, stat, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createReadStream, rmSync } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupError, messageOf } from './backup-error';

/** Lines are handed to gzip in chunks of about this many characters (fewer, larger writes). */
const CHUNK_CHARS = 64 * 1024;

/** `lines`, each ended by a newline, gathered into chunks. */
async function* chunksOf(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Writes `lines` gzip'd to a new file at `path` and returns its size. The
 * file is created exclusively: an existing file is never overwritten. If
 * anything fails, the incomplete file is removed. `signal` aborts the write
 * (Ctrl-C) the same way.
 */
export async function writeBackupFile(path: string, lines: AsyncIterable<string>, signal?: AbortSignal): Promise<number> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError(`${path} exists already; a backup never overwrites a file. Choose another name with --out.`);
    throw new BackupError(`Cannot create ${path}: ${messageOf(error)}. Choose a folder you may write to with --out.`, { cause: error });
  }
  // Should the process die before the pipeline settles (an uncaught error elsewhere), the half-written file goes too.
  const removeUnfinished = () => rmSync(path, { force: true });
  process.once('exit', removeUnfinished);
  try {
    await pipeline(Readable.from(chunksOf(lines)), createGzip(), handle.createWriteStream(), { signal });
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    if (signal?.aborted) throw new BackupError('The backup was interrupted; the incomplete file was removed.', { cause: error });
    throw error;
  } finally {
    process.off('exit', removeUnfinished);
  }
  return (await stat(path)).size;
}

/**
 * Splits text chunks into lines (without their newlines); a last line without
 * a newline is still a line. Only each new chunk is searched, so that a very
 * long line (a large text's state) costs linear time.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending: string[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      pending.push(chunk.slice(start, end));
      yield pending.join('');
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  if (pending.length > 0) yield pending.join('');
}

/**
 * The lines of the gzip'd backup file at `path`. A file that is not gzip, or
 * is damaged or cut short, throws a BackupError saying so while it is read.
 */
export async function* readBackupFile(path: string): AsyncGenerator<string> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  gunzip.setEncoding('utf8');
  file.on('error', (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  try {
    yield* splitLines(gunzip as AsyncIterable<string>);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError(`There is no file ${path}. Give the path of a backup file (plenary-backup-….ndjson.gz).`);
    if (code === 'Z_BUF_ERROR') {
      throw new BackupError(`${path} is incomplete: its compressed data ends early (an interrupted copy or backup, a full disk). Use a complete backup file.`, {
        cause: error,
      });
    }
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new BackupError(`${path} is damaged or not a gzip file (${messageOf(error)}). Use another backup file.`, { cause: error });
    }
    throw new BackupError(`Cannot read ${path}: ${messageOf(error)}.`, { cause: error });
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}
