import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Name of the lock file inside the data folder. */
export const LOCK_FILE_NAME = 'plenary.lock';

/** Thrown when another live process already holds the data folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Plenary process (pid ${holderPid}). ` +
        'Stop that process, or point DATA_DIR at another folder. Command-line tools talk to the running server instead.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
}

/** Locks held by this process, by lock path: a second open in the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder's lock file, so that no second process opens the
 * embedded database (PGlite has no lock of its own, and two openers corrupt it).
 * A lock left by a process that no longer runs (for example after `kill -9`)
 * is taken over. Returns the function that releases the lock.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE_NAME);
  if (heldHere.has(path)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockContent));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      // A holder on another host (shared folder) cannot be probed: treat it as alive.
      if (holder && (holder.host !== hostname() || isAlive(holder.pid))) {
        throw new DataDirLockedError(dataDir, holder.pid);
      }
      try {
        unlinkSync(path);
      } catch {
        // Another process removed or took it first; the next attempt decides.
      }
    }
  }
  throw new DataDirLockedError(dataDir, readHolder(path)?.pid ?? -1);
}
