/** One process owns the embedded database: a second server on the same folder is refused. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../server/db/data-dir-lock';
import { openDatabase, type OpenDatabase } from '../../server/db/open-database';

const dirs: string[] = [];
const opened: OpenDatabase[] = [];

function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-lock-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the real server entry point and waits for it to exit. */
function runServerProcess(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the data-folder lock', () => {
  it('refuses a second server process on a folder in use, with a clear message', async () => {
    const dir = freshDir();
    opened.push(await openDatabase({ dataDir: dir }));
    const second = await runServerProcess(dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another Plenary process \(pid \d+\)/);
  });

  it('refuses a second opener in the same process', async () => {
    const dir = freshDir();
    opened.push(await openDatabase({ dataDir: dir }));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another Plenary process/);
  });

  it('takes over a lock left by a process that no longer runs, and frees it on close', async () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: Number(gone.stdout.trim()), host: hostname() }));
    const first = await openDatabase({ dataDir: dir });
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    opened.push(again);
  });
});
