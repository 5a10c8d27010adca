/**
 * Backup, restore and the move to PostgreSQL as an operator runs them: the
 * commands as child processes (`node --import tsx scripts/…`), on data made
 * through the real server (an assembly, a proposal's text over the sync
 * server, a revised and co-signed dissent with a reply, a named version, a
 * closed decision), observed afterwards through the HTTP API of a server
 * started on the restored database.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config';
import { exportDatabase } from '../../server/db/backup/export-database';
import { importDatabase } from '../../server/db/backup/import-database';
import { codeMigrations, migrateTo, readMigrationLevel } from '../../server/db/backup/migration-level';
import { openEmbedded } from '../../server/db/backup/sql-connection';
import { openDatabase } from '../../server/db/open-database';
import { startServer, type RunningServer } from '../../server/main';
import { ApiClient } from '../support/api-client';
import { fingerprint } from '../support/db-fingerprint';
import { connectSyncClient, syncTicket, waitFor, type SyncClient } from '../support/sync-clients';
import { buildSyncFixture } from '../support/sync-fixture';
import { createTestPostgresDatabase } from '../support/test-database';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'a long enough passphrase';
const TEXT = 'Everyone cooks on Mondays and cleans on Fridays.';
const work = mkdtempSync(join(tmpdir(), 'plenary-backup-'));
const sourceDir = join(work, 'source');
const backupFile = join(work, 'first.ndjson.gz');

/** What the source server made, and how its people sign in. */
let made: { assemblyId: string; proposalId: string; dissentId: string; emails: { ann: string; bob: string }; annSession: ApiClient };
/** Everything the source server showed through its API, to compare with what a restored one shows. */
let expected: Record<string, unknown>;
let source: RunningServer | undefined;

/** Runs one of the commands as a user would, with the configuration `env` (and nothing from this process's DATABASE_URL). */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'REDIS_URL', 'DATA_DIR', 'INIT_CWD', 'npm_lifecycle_event']) delete inherited[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...inherited, ...env } });
    let [out, err] = ['', ''];
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Expects a command's exit status and, when given, what it printed (stdout on success, with nothing on stderr; stderr otherwise). */
function expectRun(result: { code: number | null; out: string; err: string }, code: number, ...patterns: RegExp[]): void {
  expect(result.code, result.err).toBe(code);
  if (code === 0) expect(result.err).toBe('');
  for (const pattern of patterns) expect(code === 0 ? result.out : result.err).toMatch(pattern);
}

/** A production server in this process on `env`'s database. */
function serve(env: Record<string, string>): Promise<RunningServer> {
  return startServer(loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SIGN_IN_RATE_LIMIT_MAX: '1000', ...env }));
}

/** Runs `use` against a server on `env`'s database, then closes it (one server per process at a time). */
async function withServer(env: Record<string, string>, use: (url: string) => Promise<void>): Promise<void> {
  const server = await serve(env);
  await use(server.url).finally(() => server.close());
}

/** Relative positions of `phrase` in the first paragraph, as the editor's binding makes them. */
function anchorOf(client: SyncClient, phrase: string) {
  const text = (client.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const from = text.toString().indexOf(phrase);
  const encode = (index: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from + index, assoc))).toString('base64');
  return { start: encode(0, 0), end: encode(phrase.length, -1) };
}

/** Makes the data through the API and the sync server, as members would. */
async function makeData(url: string): Promise<typeof made> {
  const fx = await buildSyncFixture(url);
  const { proposalId, assemblyId } = fx;
  const writer = await connectSyncClient(await syncTicket(fx.ann, proposalId));
  const reader = await connectSyncClient(await syncTicket(fx.bob, proposalId));
  writer.type('Everyone cooks on Mondays');
  writer.type(' and cleans on Fridays.');
  await waitFor(() => reader.text() === TEXT, 10_000, 'text committed');
  const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, {
    title: 'Mondays do not work',
    body: 'Half of us work **late** on Mondays: «non», ΟΧΙ, 🙅.',
    anchor: anchorOf(writer, 'cooks on Mondays'),
  });
  writer.destroy();
  reader.destroy();
  expect(filed.status).toBe(201);
  const dissentId = filed.body.id as string;
  const rule = { kind: 'majority', quorum: { numerator: 1, denominator: 2 }, counting: 'weighted' };
  const steps: [ApiClient, string, unknown, number][] = [
    [fx.bob, `/api/dissents/${dissentId}/revisions`, { title: 'Mondays do not work', body: 'Second thoughts.' }, 201],
    [fx.ann, `/api/dissents/${dissentId}/signature`, {}, 200],
    [fx.ann, `/api/dissents/${dissentId}/replies`, { body: 'Which day, then?' }, 201],
    [fx.bob, `/api/proposals/${proposalId}/versions`, { name: 'Before the meeting' }, 201],
    [fx.ann, `/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' }, 200],
    [fx.ann, `/api/proposals/${proposalId}/decision`, { rule }, 201],
    [fx.ann, `/api/proposals/${proposalId}/stances`, { choice: 'agree', affectedness: 1 }, 201],
    [fx.bob, `/api/proposals/${proposalId}/stances`, { choice: 'disagree', affectedness: 3, reason: 'Night shifts.' }, 201],
    [fx.ann, `/api/proposals/${proposalId}/decision/close`, {}, 200],
  ];
  for (const [person, path, body, status] of steps) expect((await person.post(path, body)).status, path).toBe(status);
  const email = async (client: ApiClient) => (await client.get('/api/me')).body.user.email as string;
  return { assemblyId, proposalId, dissentId, emails: { ann: await email(fx.ann), bob: await email(fx.bob) }, annSession: fx.ann };
}

/** Signs in as `who` on the server at `url`. */
async function signIn(url: string, who: 'ann' | 'bob'): Promise<ApiClient> {
  const client = new ApiClient(url);
  expect((await client.signIn(made.emails[who], PASSWORD)).status).toBe(200);
  return client;
}

/** What ann and bob see of the assembly, the proposal, its dissent, versions, decision and ledger, and its text. */
async function observe(url: string): Promise<Record<string, unknown>> {
  const { assemblyId: a, proposalId: p } = made;
  const paths = ['/api/assemblies', `/api/assemblies/${a}/proposals`, `/api/proposals/${p}`, `/api/proposals/${p}/dissents`, `/api/proposals/${p}/versions`, `/api/proposals/${p}/decision`, `/api/proposals/${p}/ledger`, `/api/proposals/${p}/ledger/verify`, `/api/assemblies/${a}/log`];
  const seen: Record<string, unknown> = {};
  for (const who of ['ann', 'bob'] as const) {
    const client = await signIn(url, who);
    for (const path of paths) {
      const response = await client.get(path);
      expect(response.status, `${who} GET ${path}`).toBe(200);
      seen[`${who} ${path}`] = response.body;
    }
    const text = await connectSyncClient(await syncTicket(client, p));
    seen[`${who} text`] = text.text();
    text.destroy();
  }
  return seen;
}

/** New writes on a restored database: ids from the reset sequences (the text's update log, the assembly log) and ledger entries. */
async function writeMore(url: string): Promise<void> {
  const ann = await signIn(url, 'ann');
  expect((await ann.post(`/api/assemblies/${made.assemblyId}/invitations`, { role: 'member' })).status).toBe(201);
  const created = await ann.post(`/api/assemblies/${made.assemblyId}/proposals`, { title: 'After the restore' });
  expect(created.status).toBe(201);
  const [writer, reader] = [await connectSyncClient(await syncTicket(ann, created.body.id)), await connectSyncClient(await syncTicket(ann, created.body.id))];
  writer.type('Written after the restore.');
  await waitFor(() => reader.text() === 'Written after the restore.', 10_000, 'new text committed');
  [writer, reader].forEach((client) => client.destroy());
  expect((await ann.post(`/api/proposals/${created.body.id}/dissents`, { title: 'On the whole', body: 'Filed after the restore.' })).status).toBe(201);
  for (const proposalId of [made.proposalId, created.body.id]) {
    expect((await ann.get(`/api/proposals/${proposalId}/ledger/verify`)).body).toMatchObject({ ok: true });
  }
}

/** Stops the source server (the embedded database serves one process: the commands need it stopped). */
async function stopSource(): Promise<void> {
  await source?.close();
  source = undefined;
}

/** The fingerprint of the embedded database in `dataDir` (opened and closed again). */
async function embeddedFingerprint(dataDir: string): Promise<string> {
  const database = await openDatabase({ dataDir });
  return fingerprint(database.db).finally(() => database.close());
}

beforeAll(async () => {
  source = await serve({ DATA_DIR: sourceDir });
  made = await makeData(source.url);
  expected = await observe(source.url);
  // The comparison below is only as good as what was seen: the text, the dissent with its reply, a verifying chain.
  expect(expected['bob text']).toBe(TEXT);
  expect(expected[`ann /api/proposals/${made.proposalId}/dissents`]).toMatchObject({ dissents: [{ id: made.dissentId, title: 'Mondays do not work' }] });
  expect(expected[`ann /api/proposals/${made.proposalId}/ledger/verify`]).toMatchObject({ ok: true });
}, 180_000);

afterAll(async () => {
  await source?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('refuses to back up the embedded database while its server runs, and says to stop it', async () => {
    expectRun(await run('db-backup', ['--out', join(work, 'while-running.ndjson.gz')], { DATA_DIR: sourceDir }), 1, /in use by a running Plenary process \(pid \d+\)[\s\S]*Stop the server first/);
    expect(existsSync(join(work, 'while-running.ndjson.gz'))).toBe(false);
  });

  it('backs up; a server on the restored copy shows the same proposal, dissent, text and a ledger that verifies', async () => {
    await stopSource();
    const backup = await run('db-backup', ['--out', backupFile], { DATA_DIR: sourceDir });
    expectRun(backup, 0, /^ {2}dissent_revision +2 rows$/m, /Backup written: .*first\.ndjson\.gz\n {2}[\d.]+ kB; \d+ tables, \d+ rows\./);
    const restore = await run('db-restore', [backupFile], { DATA_DIR: join(work, 'restored') });
    expectRun(restore, 0, /^ {2}ledger_entry +\d+ rows?$/m, /Ledgers: 1 proposal, \d+ entries: every chain verifies\./);
    // With the old session secret (as docs/backup-and-restore.md says), a session from before the backup still works.
    copyFileSync(join(sourceDir, 'auth-secret'), join(work, 'restored', 'auth-secret'));
    await withServer({ DATA_DIR: join(work, 'restored') }, async (url) => {
      expect((await made.annSession.at(url).get('/api/me')).body.user.email).toBe(made.emails.ann);
      expect(await observe(url)).toEqual(expected);
      await writeMore(url);
    });
  });

  it('restores a backup of an older migration level, then applies the later migrations to its rows', async () => {
    const code = codeMigrations();
    const [older, newer] = [await openEmbedded(join(work, 'older'), { create: true }), await openEmbedded(join(work, 'newer'), { create: true })];
    try {
      await migrateTo(older, code, code.length - 1);
      await older.query(`insert into "user" (id, name, email) values ('u1', 'Ann', 'ann@example.org')`);
      await older.query(`insert into assembly (id, name, created_by) values ('a1', 'Old', 'u1')`);
      await older.query(`insert into proposal (id, assembly_id, title, created_by) values ('p1', 'a1', 'Old text', 'u1')`);
      const summary = await importDatabase(newer, exportDatabase(older), 'the older database');
      expect([summary.header.migrations.count, summary.migrations]).toEqual([code.length - 1, code.length]);
      expect((await readMigrationLevel(newer))?.count).toBe(code.length);
      expect(await newer.query('select id, title from proposal')).toEqual([{ id: 'p1', title: 'Old text' }]);
    } finally {
      await Promise.all([older.close(), newer.close()]);
    }
  });

  it('refuses a restore into a database that has rows, and changes nothing', async () => {
    const target = join(work, 'restored');
    const before = await embeddedFingerprint(target);
    expectRun(await run('db-restore', [backupFile], { DATA_DIR: target }), 1, /is not empty \(rows in .*user.*\)[\s\S]*Nothing was restored/);
    expect(await embeddedFingerprint(target)).toBe(before);
  });

  it('refuses a truncated, corrupt or unfinished backup before touching the database', async () => {
    const bytes = readFileSync(backupFile);
    const lines = gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
    const cases: [string, Buffer, RegExp][] = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length * 0.6)), /is incomplete: its compressed data ends early/],
      ['corrupt', Buffer.concat([bytes.subarray(0, 200), Buffer.from('garbage'), bytes.subarray(207)]), /is damaged/],
      ['no trailer', gzipSync(lines.slice(0, -1).join('\n') + '\n'), /is incomplete: it ends at line \d+, before its trailer/],
      ['wrong count', gzipSync([...lines.slice(0, -1), lines.at(-1)!.replace(/"user":\d+/, '"user":99')].join('\n')), /table user has \d+ rows, but the trailer says 99/],
    ];
    for (const [name, content, message] of cases) {
      const [file, target] = [join(work, `${name.replace(/ /g, '-')}.ndjson.gz`), join(work, `target-${name.replace(/ /g, '-')}`)];
      writeFileSync(file, content);
      expectRun(await run('db-restore', [file], { DATA_DIR: target }), 1, message);
      expect(existsSync(join(target, 'pglite')), name).toBe(false);
    }
  });

  it('refuses a backup from a newer Plenary, never overwrites a file, and refuses bad usage with status 2', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]);
    header.migrations = { ...header.migrations, count: header.migrations.count + 1, lastCreatedAt: header.migrations.lastCreatedAt + 1 };
    writeFileSync(join(work, 'newer.ndjson.gz'), gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    expectRun(await run('db-restore', [join(work, 'newer.ndjson.gz')], { DATA_DIR: join(work, 'target-newer') }), 1, /The backup comes from a newer version of Plenary[\s\S]*Nothing was restored/);
    const before = readFileSync(backupFile);
    expectRun(await run('db-backup', ['--out', backupFile], { DATA_DIR: sourceDir }), 1, /exists already; a backup never overwrites a file/);
    expect(readFileSync(backupFile).equals(before)).toBe(true);
    expectRun(await run('db-restore', [], { DATA_DIR: sourceDir }), 2, /Which backup file\?[\s\S]*Usage: npm run db:restore/);
    expectRun(await run('db-backup', ['--bogus'], { DATA_DIR: sourceDir }), 2, /Unknown option '--bogus'/);
    expectRun(await run('db-move-to-postgres', ['--to', 'mysql://x@y/z'], { DATA_DIR: sourceDir }), 2, /--to must be a postgres:\/\/ URL[\s\S]*Usage: npm run db:move-to-postgres/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('db:move-to-postgres (TEST_DATABASE_URL)', () => {
  it('moves the embedded database into PostgreSQL, where a server shows the same data and verifying ledgers', { timeout: 180_000 }, async () => {
    await stopSource();
    const postgres = (await createTestPostgresDatabase())!;
    try {
      const before = await embeddedFingerprint(sourceDir);
      const moved = await run('db-move-to-postgres', ['--to', postgres.url], { DATA_DIR: sourceDir });
      expectRun(moved, 0, /Ledgers: 1 proposal, \d+ entries: every chain verifies in PostgreSQL\./, /DATABASE_URL=postgres:\/\/plenary_server:PASSWORD@/);
      expect(await embeddedFingerprint(sourceDir)).toBe(before);

      // db:restore into PostgreSQL as configured for the server: migrating and importing as DATABASE_MIGRATION_URL's owner.
      const other = (await createTestPostgresDatabase())!;
      try {
        const restored = await run('db-restore', [backupFile], other.env);
        expectRun(restored, 0, /Restoring into the PostgreSQL database postgres:\/\/[\s\S]*every chain verifies/);
        const password = new URL(other.url).password;
        if (password) expect(restored.out).not.toContain(`:${password}@`);
      } finally {
        await other.drop();
      }

      expectRun(await run('db-move-to-postgres', ['--to', postgres.url], { DATA_DIR: sourceDir }), 1, /is not empty[\s\S]*Nothing was imported into PostgreSQL/);

      const file = join(work, 'from-postgres.ndjson.gz');
      await withServer({ DATA_DIR: sourceDir, ...postgres.env }, async (url) => {
        expect(await observe(url)).toEqual(expected);
        // A backup of PostgreSQL may be taken while its server runs (one snapshot); it restores into the embedded database.
        expectRun(await run('db-backup', ['--out', file, '--database-url', postgres.url]), 0, /Backup written/);
        await writeMore(url);
      });
      expectRun(await run('db-restore', [file], { DATA_DIR: join(work, 'from-postgres') }), 0, /every chain verifies/);
      await withServer({ DATA_DIR: join(work, 'from-postgres') }, async (url) => expect(await observe(url)).toEqual(expected));
    } finally {
      await postgres.drop();
    }
  });
});
