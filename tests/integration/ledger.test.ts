/**
 * The ledger (promise 5) and the append-only record (promise 1) in the
 * database: the chain grows with every change and verifies through the API;
 * the verifier names the entry a test tampered with; UPDATE, DELETE and
 * TRUNCATE on every append-only table are refused both to the server's role
 * and to the owner; concurrent writers on PostgreSQL keep one chain.
 */
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendsHead, verifyChain, type LedgerEntry, type LedgerHead, type LedgerKind } from '../../core/ledger';
import { titleHash } from '../../core/ledger-content';
import type { Db } from '../../server/db/database';
import { APP_ROLE } from '../../server/db/open-database';
import { RECORD_TABLES } from '../../server/db/login-role-check';
import { appendLedgerEntry, lockProposal } from '../../server/services/ledger-writer';
import { ApiClient, uniqueEmail } from '../support/api-client';
import { ownerSql } from '../support/owner-sql';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

/** The tables whose rows are the record: only ever added to (one list, shared with the server's start-up check). */
const APPEND_ONLY = RECORD_TABLES;

/** A column of each, to write an UPDATE that would change nothing (it must still be refused). */
const SOME_COLUMN: Record<(typeof APPEND_ONLY)[number], string> = {
  assembly_log: 'action',
  ledger_entry: 'hash',
  dissent: 'quote_exact',
  dissent_revision: 'body',
  dissent_withdrawal: 'created_at',
  dissent_signature: 'action',
  dissent_reply: 'parent_reply_id',
  reply_revision: 'body',
  reply_retraction: 'created_at',
  proposal_transition: 'to_status',
  proposal_version: 'text_hash',
  decision: 'deadline',
  decision_closing: 'outcome',
  stance: 'choice',
  reopen_motion: 'reason',
  reopen_motion_signature: 'created_at',
};

/** A proposal taken through a whole round and reopened: a row in every table of rounds. */
async function proposalWithRound(title: string): Promise<string> {
  const proposalId = await newProposal(fx, title);
  expect((await fx.ann.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' })).status).toBe(200);
  const rule = { kind: 'majority', quorum: { numerator: 0, denominator: 1 }, counting: 'equal' };
  expect((await fx.ann.post(`/api/proposals/${proposalId}/decision`, { rule })).status).toBe(201);
  expect((await fx.ann.post(`/api/proposals/${proposalId}/stances`, { choice: 'agree', affectedness: 1 })).status).toBe(201);
  expect((await fx.bob.post(`/api/proposals/${proposalId}/stances`, { choice: 'agree', affectedness: 2 })).status).toBe(201);
  expect((await fx.ann.post(`/api/proposals/${proposalId}/decision/close`)).body).toEqual({ status: 'adopted' });
  const motion = await fx.bob.post(`/api/proposals/${proposalId}/reopening-motions`, { reason: 'Facts changed.' });
  expect((await fx.ann.post(`/api/reopening-motions/${motion.body.id}/signatures`)).body.reopened).toBe(true);
  return proposalId;
}

/** The error a database refusal carries (drizzle wraps the driver's error as `cause`). */
async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string } | undefined> {
  return promise.then(
    () => undefined,
    (error: { cause?: { code?: string; message?: string }; code?: string; message?: string }) => error.cause ?? error,
  );
}

async function countRows(db: Db, table: string): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

let server: TestServer;
let fx: SyncFixture;

beforeAll(async () => {
  server = await startTestServer();
  fx = await buildSyncFixture(server.url);
});
afterAll(async () => {
  await server?.stop();
});

/** Reads a proposal's ledger through the API, as `client`. */
async function ledgerOf(proposalId: string, client: ApiClient = fx.ann): Promise<{ entries: LedgerEntry[]; head: LedgerHead | null }> {
  const response = await client.get(`/api/proposals/${proposalId}/ledger`);
  expect(response.status).toBe(200);
  return response.body;
}

async function verify(proposalId: string, client: ApiClient = fx.ann) {
  const response = await client.get(`/api/proposals/${proposalId}/ledger/verify`);
  expect(response.status).toBe(200);
  return response.body;
}

/** A proposal with a dissent (revised once), a signature and a reply (revised once): every kind of content. */
async function proposalWithHistory(title: string) {
  const proposalId = await newProposal(fx, title);
  const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, {
    title: 'Not on Sundays',
    body: 'The rota *ignores* rest days.',
    alternativeWording: null,
    anchor: null,
  });
  expect(filed.status).toBe(201);
  const dissentId = filed.body.id as string;
  const revised = await fx.bob.post(`/api/dissents/${dissentId}/revisions`, {
    title: 'Not on Sundays or holidays',
    body: 'The rota ignores rest days and holidays.',
    alternativeWording: 'Six days a week.',
  });
  expect(revised.status).toBe(201);
  expect((await fx.ann.post(`/api/dissents/${dissentId}/signature`)).status).toBe(200);
  const replied = await fx.ann.post(`/api/dissents/${dissentId}/replies`, { body: 'Holidays are covered elsewhere.' });
  expect(replied.status).toBe(201);
  const replyId = replied.body.id as string;
  expect((await fx.ann.post(`/api/replies/${replyId}/revisions`, { body: 'Holidays are in section 4.' })).status).toBe(201);
  return { proposalId, dissentId, replyId };
}

describe('the chain', () => {
  it('starts with proposal.created and grows with each change, verifying through the API', async () => {
    const title = 'Kitchen "rota" \\ 2026';
    const proposalId = await newProposal(fx, title);
    const first = await ledgerOf(proposalId);
    expect(first.entries).toHaveLength(1);
    expect(first.entries[0]).toMatchObject({
      v: 1,
      proposalId,
      seq: 1,
      kind: 'proposal.created',
      actorId: fx.ann.userId,
      prev: null,
      data: { assemblyId: fx.assemblyId, titleHash: titleHash(title), authorIds: [fx.ann.userId] },
    });
    expect(first.head).toEqual({ seq: 1, hash: first.entries[0].hash });

    const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'No', body: 'Because.', anchor: null });
    expect(filed.status).toBe(201);
    const dissentId = filed.body.id as string;
    expect((await fx.bob.post(`/api/dissents/${dissentId}/revisions`, { title: 'No', body: 'Because, really.' })).status).toBe(201);
    expect((await fx.ann.post(`/api/dissents/${dissentId}/signature`)).status).toBe(200);
    const reply = await fx.ann.post(`/api/dissents/${dissentId}/replies`, { body: 'Why?' });
    expect(reply.status).toBe(201);
    const nested = await fx.bob.post(`/api/dissents/${dissentId}/replies`, { body: 'See above.', parentReplyId: reply.body.id });
    expect(nested.status).toBe(201);
    expect((await fx.ann.post(`/api/replies/${reply.body.id}/revisions`, { body: 'Why, exactly?' })).status).toBe(201);
    expect((await fx.ann.post(`/api/replies/${reply.body.id}/retraction`)).status).toBe(200);
    expect((await fx.ann.delete(`/api/dissents/${dissentId}/signature`)).status).toBe(200);
    expect((await fx.bob.post(`/api/dissents/${dissentId}/withdrawal`)).status).toBe(200);

    // Observers read the ledger too.
    const listing = await ledgerOf(proposalId, fx.olga);
    const kinds: LedgerKind[] = [
      'proposal.created',
      'dissent.filed',
      'dissent.revised',
      'dissent.signed',
      'reply.posted',
      'reply.posted',
      'reply.revised',
      'reply.retracted',
      'dissent.signature_withdrawn',
      'dissent.withdrawn',
    ];
    expect(listing.entries.map((entry) => entry.kind)).toEqual(kinds);
    expect(listing.entries[5].data).toMatchObject({ replyId: nested.body.id, parentReplyId: reply.body.id });
    // Anyone holding the listing can check it without the server, and see that it extends what they saw.
    expect(verifyChain(proposalId, listing.entries)).toEqual({ ok: true, length: kinds.length, head: listing.head });
    expect(extendsHead(listing.entries, first.head!)).toBe(true);
    expect(await verify(proposalId, fx.olga)).toEqual({ ok: true, length: kinds.length, head: listing.head });

    // A client that heard up to entry 7 reads what it missed; the head is still the chain's.
    const missed = await fx.olga.get(`/api/proposals/${proposalId}/ledger?after=7`);
    expect(missed.status).toBe(200);
    expect(missed.body).toEqual({ entries: listing.entries.slice(7), head: listing.head });
    expect((await fx.olga.get(`/api/proposals/${proposalId}/ledger?after=${kinds.length}`)).body).toEqual({ entries: [], head: listing.head });
    expect((await fx.olga.get(`/api/proposals/${proposalId}/ledger?after=0`)).body).toEqual(listing);
    for (const query of ['after=-1', 'after=two', 'after=1.5', 'before=3']) {
      const refused = await fx.olga.get(`/api/proposals/${proposalId}/ledger?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.reason).toBe('INVALID_INPUT');
    }
  });

  it('is hidden from outsiders and refused without a session', async () => {
    for (const path of ['ledger', 'ledger/verify']) {
      const outsider = await fx.outsider.get(`/api/proposals/${fx.proposalId}/${path}`);
      expect(outsider.status).toBe(404);
      expect(outsider.body.error.reason).toBe('PROPOSAL_NOT_FOUND');
      const unknown = await fx.ann.get(`/api/proposals/00000000-0000-4000-8000-000000000000/${path}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.reason).toBe('PROPOSAL_NOT_FOUND');
      const anonymous = await new ApiClient(server.url).get(`/api/proposals/${fx.proposalId}/${path}`);
      expect(anonymous.status).toBe(401);
    }
  });

  it('keeps one chain when many members write at once', async () => {
    const { proposalId, dissentId } = await proposalWithHistory('Busy');
    const writers = [fx.ann, fx.bob];
    const posts = Array.from({ length: 30 }, (_, i) => writers[i % 2].post(`/api/dissents/${dissentId}/replies`, { body: `Reply ${i}` }));
    expect((await Promise.all(posts)).map((response) => response.status)).toEqual(Array(30).fill(201));
    const listing = await ledgerOf(proposalId);
    expect(listing.entries).toHaveLength(6 + 30);
    expect(verifyChain(proposalId, listing.entries)).toMatchObject({ ok: true, length: 36 });
    expect((await verify(proposalId)).ok).toBe(true);
  });
});

describe('the verifier names the entry a test tampered with', () => {
  // Triggers are disabled inside one owner transaction only (ALTER TABLE is transactional and
  // locks the table meanwhile), so no other test ever sees them off.
  const tamper = (table: string, trigger: string, statement: string) =>
    ownerSql(server, `alter table ${table} disable trigger ${trigger}`, statement, `alter table ${table} enable trigger ${trigger}`);

  it("an entry's data rewritten: hash-mismatch at that entry", async () => {
    const { proposalId } = await proposalWithHistory('Tampered data');
    await tamper(
      'ledger_entry',
      'ledger_entry_append_only',
      `update ledger_entry set entry = jsonb_set(entry, '{data,signatureId}', '999') where proposal_id = '${proposalId}' and seq = 4`,
    );
    expect(await verify(proposalId)).toEqual({
      ok: false,
      length: 6,
      brokenAt: { seq: 4, problem: 'hash-mismatch', kind: 'dissent.signed' },
    });
  });

  it('an entry rewritten with a fresh hash: prev-mismatch at the next entry', async () => {
    const { proposalId } = await proposalWithHistory('Rehashed');
    const { entries } = await ledgerOf(proposalId);
    const forged = { ...entries[2], actorId: fx.ann.userId! };
    const { hash: _old, ...body } = forged;
    const { entryHash } = await import('../../core/ledger');
    await tamper(
      'ledger_entry',
      'ledger_entry_append_only',
      `update ledger_entry set entry = '${JSON.stringify(body).replaceAll("'", "''")}'::jsonb, hash = '${entryHash(body)}'
        where proposal_id = '${proposalId}' and seq = 3`,
    );
    expect(await verify(proposalId)).toEqual({
      ok: false,
      length: 6,
      brokenAt: { seq: 4, problem: 'prev-mismatch', kind: 'dissent.signed' },
    });
  });

  it('a middle entry deleted: sequence-gap where it was', async () => {
    const { proposalId } = await proposalWithHistory('Gap');
    await tamper('ledger_entry', 'ledger_entry_append_only', `delete from ledger_entry where proposal_id = '${proposalId}' and seq = 3`);
    expect(await verify(proposalId)).toEqual({ ok: false, length: 5, brokenAt: { seq: 3, problem: 'sequence-gap' } });
  });

  it("a dissent revision's body rewritten: content-mismatch at the entry that recorded it", async () => {
    const { proposalId, dissentId } = await proposalWithHistory('Rewritten dissent');
    await tamper(
      'dissent_revision',
      'dissent_revision_append_only',
      `update dissent_revision set body = 'What the majority would rather read.' where dissent_id = '${dissentId}' and revision = 2`,
    );
    expect(await verify(proposalId)).toEqual({
      ok: false,
      length: 6,
      brokenAt: { seq: 3, problem: 'content-mismatch', kind: 'dissent.revised' },
    });
    // The chain itself is intact: only the stored words no longer match it.
    expect(verifyChain(proposalId, (await ledgerOf(proposalId)).entries).ok).toBe(true);
  });

  it("a dissent's anchor moved: content-mismatch at dissent.filed", async () => {
    const { proposalId, dissentId } = await proposalWithHistory('Moved anchor');
    await tamper('dissent', 'dissent_append_only', `update dissent set quote_exact = 'another passage' where id = '${dissentId}'`);
    expect(await verify(proposalId)).toEqual({
      ok: false,
      length: 6,
      brokenAt: { seq: 2, problem: 'content-mismatch', kind: 'dissent.filed' },
    });
  });

  it("a reply's first words rewritten: content-mismatch at reply.posted", async () => {
    const { proposalId, replyId } = await proposalWithHistory('Rewritten reply');
    await tamper(
      'reply_revision',
      'reply_revision_append_only',
      `update reply_revision set body = 'I agree.' where reply_id = '${replyId}' and revision = 1`,
    );
    expect(await verify(proposalId)).toEqual({
      ok: false,
      length: 6,
      brokenAt: { seq: 5, problem: 'content-mismatch', kind: 'reply.posted' },
    });
  });

  it('the triggers are back on afterwards', async () => {
    const refused = await refusal(ownerSql(server, 'delete from ledger_entry'));
    expect(refused).toMatchObject({ code: '42501', message: expect.stringMatching(/append-only/) });
  });
});

describe('the database refuses to change the record', () => {
  beforeAll(async () => {
    // Every append-only table holds rows (row triggers only fire on rows): a full history, withdrawn.
    const { dissentId, replyId } = await proposalWithHistory('Record');
    expect((await fx.ann.post(`/api/replies/${replyId}/retraction`)).status).toBe(200);
    expect((await fx.bob.post(`/api/dissents/${dissentId}/withdrawal`)).status).toBe(200);
    await proposalWithRound('Round');
    for (const table of APPEND_ONLY) expect(await countRows(server.database.db, table), table).toBeGreaterThan(0);
  });

  it(`runs the server's queries as ${APP_ROLE}, which owns no table`, async () => {
    const result = await server.database.db.execute(
      sql.raw(`select current_user as role, (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`),
    );
    expect((result as unknown as { rows: unknown[] }).rows[0]).toEqual({ role: APP_ROLE, owned: 0 });
  });

  it.each(APPEND_ONLY)('%s: UPDATE, DELETE, TRUNCATE refused to the server role and to the owner', async (table) => {
    const db = server.database.db;
    const before = await countRows(db, table);
    const statements = [`update ${table} set ${SOME_COLUMN[table]} = ${SOME_COLUMN[table]}`, `delete from ${table}`, `truncate ${table} cascade`];
    for (const statement of statements) {
      // The server's role lacks the privilege altogether.
      expect(await refusal(db.execute(sql.raw(statement))), `${APP_ROLE}: ${statement}`).toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied/),
      });
      // The owner has it, and the triggers refuse anyway.
      expect(await refusal(ownerSql(server, statement)), `owner: ${statement}`).toMatchObject({
        code: '42501',
        message: expect.stringMatching(/is append-only: (UPDATE|DELETE|TRUNCATE) refused/),
      });
    }
    // Nor may the server's role switch the guard off.
    for (const statement of [`alter table ${table} disable trigger all`, `drop trigger if exists ${table}_append_only on ${table}`]) {
      expect(await refusal(db.execute(sql.raw(statement))), statement).toMatchObject({ message: expect.stringMatching(/must be owner/) });
    }
    expect(await countRows(db, table)).toBe(before);
  });

  it('leaves the per-reader cache (dissent_reading) writable by the server', async () => {
    const db = server.database.db;
    const result = await db.execute(sql.raw(`select has_table_privilege('dissent_reading', 'UPDATE') and has_table_privilege('dissent_reading', 'DELETE') as ok`));
    expect((result as unknown as { rows: { ok: boolean }[] }).rows[0].ok).toBe(true);
  });
});

// PGlite has one connection, so its transactions never overlap: there is nothing to race.
describe.skipIf(!process.env.TEST_DATABASE_URL)('concurrent appends from several connections (PostgreSQL only)', () => {
  it('keep one valid chain, with no gap and no fork', async () => {
    const proposalId = await newProposal(fx, 'Contended');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const url = new URL(server.env.DATABASE_URL);
    url.searchParams.set('options', `-c role=${APP_ROLE}`);
    // Three pools of five: fifteen connections of the server's role, besides the server's own pool.
    const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: url.toString(), max: 5 }));
    try {
      const dbs = pools.map((pool) => drizzle(pool) as unknown as Db);
      const appends = Array.from({ length: 90 }, (_, i) =>
        dbs[i % dbs.length].transaction(async (tx) => {
          await lockProposal(tx, proposalId);
          return appendLedgerEntry(tx, { proposalId, kind: 'dissent.signed', actorId: fx.bob.userId!, data: { dissentId: 'd', signatureId: i } });
        }),
      );
      const written = await Promise.all(appends);
      expect(new Set(written.map((entry) => entry.seq)).size).toBe(90);
      const listing = await ledgerOf(proposalId);
      expect(listing.entries).toHaveLength(91);
      expect(verifyChain(proposalId, listing.entries)).toMatchObject({ ok: true, length: 91 });
      // Every append is in the chain exactly once.
      expect(listing.entries.slice(1).map((entry) => entry.data.signatureId).sort((a, b) => Number(a) - Number(b))).toEqual(
        Array.from({ length: 90 }, (_, i) => i),
      );
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});

/** Runs `npm run ledger:verify`'s script against the test server; resolves with its exit code and output. */
function runLedgerVerify(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ledger-verify.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run ledger:verify', () => {
  const email = uniqueEmail('verifier');
  const password = 'the verifier passphrase';

  beforeAll(async () => {
    // An observer: reading is all the command needs.
    const verifier = new ApiClient(server.url);
    expect((await verifier.signUp('Vera', email, password)).status).toBe(200);
    const invitation = await fx.ann.post(`/api/assemblies/${fx.assemblyId}/invitations`, { role: 'observer' });
    expect((await verifier.post(`/api/invitations/${invitation.body.token}/accept`)).status).toBe(200);
  });

  it('prints OK with the length and head of an intact ledger', async () => {
    const { proposalId } = await proposalWithHistory('Checked from a shell');
    const { head } = await ledgerOf(proposalId);
    const result = await runLedgerVerify([proposalId, '--url', server.url, '--email', email], { PLENARY_PASSWORD: password });
    expect(result.out).toContain(`OK: ledger of proposal ${proposalId} holds: 6 entries, head 6 ${head!.hash}`);
    expect(result.code).toBe(0);
  });

  it('names the first broken entry and exits 1', async () => {
    const { proposalId, dissentId } = await proposalWithHistory('Broken, seen from a shell');
    await ownerSql(
      server,
      'alter table dissent_revision disable trigger dissent_revision_append_only',
      `update dissent_revision set title = 'Softened' where dissent_id = '${dissentId}' and revision = 1`,
      'alter table dissent_revision enable trigger dissent_revision_append_only',
    );
    const result = await runLedgerVerify([proposalId, '--url', server.url], { PLENARY_EMAIL: email, PLENARY_PASSWORD: password });
    expect(result.out).toContain('first broken entry 2 (dissent.filed): content-mismatch');
    expect(result.code).toBe(1);
  });

  it('exits 2 when it cannot check: wrong password, or a proposal the account may not read', async () => {
    const wrong = await runLedgerVerify([fx.proposalId, '--url', server.url, '--email', email], { PLENARY_PASSWORD: 'not the passphrase' });
    expect(wrong.out).toMatch(/Sign-in refused/);
    expect(wrong.code).toBe(2);
    const unknown = await runLedgerVerify(['00000000-0000-4000-8000-000000000000', '--url', server.url, '--email', email], {
      PLENARY_PASSWORD: password,
    });
    expect(unknown.out).toMatch(/Cannot read the ledger: .*not found/i);
    expect(unknown.code).toBe(2);
  });
});
