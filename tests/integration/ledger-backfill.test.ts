/**
 * Migration 0004 gives every proposal made before the ledger existed its first
 * entry, `proposal.created`, computed in SQL. The entry must be exactly what
 * core/ledger.ts would have written: this test builds a database up to
 * migration 0003, inserts proposals whose titles and ids stress JSON string
 * escaping, applies the remaining migrations through the server's own
 * openDatabase, and checks each chain and hash in JS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, verifyChain, type LedgerEntry, type LedgerEntryBody } from '../../core/ledger';
import { titleHash } from '../../core/ledger-content';
import { openDatabase, type OpenDatabase } from '../../server/db/open-database';
import { ledgerEntry } from '../../server/db/schema';
import { buildOlderDatabase, migrationsUpTo, type Exec } from '../support/older-database';
import { createTestPostgresDatabase } from '../support/test-database';

const TITLES = [
  'He said "no" to the \\ backslash',
  'Line one\nLine two\r\n\tindented',
  'Control \u0001\u0008\u000b\u000c\u001f and delete \u007f',
  'Emoji 🗳️👩🏽‍🤝‍👩🏻 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Κοινή κουζίνα — 共用厨房 — مطبخ مشترك — रसोई',
  'Separators \u2028 and \u2029, BOM \ufeff, combining é',
  "Single ' quote and </script>",
];

/** Users, including ids that need escaping, and an assembly. */
const CREATOR = 'creator-1';
const OTHERS = ['b-"quoted"-user', 'a\\backslash-user', 'z-user'];

interface Expected {
  id: string;
  title: string;
  createdAt: string;
  at: string;
  authorIds: string[];
}

/** Proposals with created_at given to the microsecond, in several time zones. */
function proposals(): Expected[] {
  return TITLES.map((title, i) => {
    const id = `proposal-${i}`;
    // Microseconds must be truncated to milliseconds, and the offset turned into UTC.
    const createdAt = i % 2 === 0 ? `2024-03-0${i + 1} 10:11:12.345678+00` : `2024-03-0${i + 1} 23:30:00.5+05:30`;
    const at = i % 2 === 0 ? `2024-03-0${i + 1}T10:11:12.345Z` : `2024-03-0${i + 1}T18:00:00.500Z`;
    // Proposal 0 has the creator alone; the others have co-authors added in varied orders and times.
    const authorIds = i === 0 ? [CREATOR] : [CREATOR, ...(i % 3 === 0 ? ['z-user', 'a\\backslash-user'] : OTHERS.slice(0, 1 + (i % 3)))];
    return { id, title, createdAt, at, authorIds };
  });
}

async function seedBeforeLedger(exec: Exec, expected: Expected[]) {
  for (const id of [CREATOR, ...OTHERS]) {
    await exec(`insert into "user" (id, name, email) values ($1, $2, $3)`, [id, `Name ${id}`, `${encodeURIComponent(id)}@example.org`]);
  }
  await exec(`insert into assembly (id, name, created_by) values ('assembly-"1"', 'Kitchen', $1)`, [CREATOR]);
  for (const p of expected) {
    await exec(`insert into proposal (id, assembly_id, title, created_by, created_at) values ($1, 'assembly-"1"', $2, $3, $4)`, [
      p.id,
      p.title,
      CREATOR,
      p.createdAt,
    ]);
    // Co-authors go in first, at the same instant as the creator or later, so that only the rule orders them.
    const [creator, ...coAuthors] = p.authorIds;
    for (const [k, userId] of coAuthors.entries()) {
      await exec(`insert into proposal_author (proposal_id, user_id, added_at) values ($1, $2, $3::timestamptz + $4::interval)`, [
        p.id,
        userId,
        p.createdAt,
        `${addedAfter(k)} seconds`,
      ]);
    }
    await exec(`insert into proposal_author (proposal_id, user_id, added_at) values ($1, $2, $3)`, [p.id, creator, p.createdAt]);
  }
}

/** Seconds after the proposal's creation that its k-th co-author was added: the first two tie. */
const addedAfter = (k: number) => (k < 2 ? 0 : k - 1);

/** The co-authors' expected order: by added_at, then user id (equal times for the first two). */
function expectedOrder(p: Expected): string[] {
  const [creator, ...coAuthors] = p.authorIds;
  const timed = coAuthors.map((userId, k) => ({ userId, offset: addedAfter(k) }));
  timed.sort((a, b) => a.offset - b.offset || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return [creator, ...timed.map((t) => t.userId)];
}

describe('migration 0004 backfills proposal.created', () => {
  const dirs: string[] = [];
  let postgres: Awaited<ReturnType<typeof createTestPostgresDatabase>>;
  let database: OpenDatabase | undefined;
  const expected = proposals();
  /** A proposal that already had its entry before 0004 (created after 0003): left alone. */
  const existing: LedgerEntryBody = {
    v: 1,
    proposalId: 'proposal-with-entry',
    seq: 1,
    kind: 'proposal.created',
    actorId: CREATOR,
    at: '2025-01-01T00:00:00.000Z',
    data: { assemblyId: 'assembly-"1"', titleHash: titleHash('Already chained'), authorIds: [CREATOR] },
    prev: null,
  };

  beforeAll(async () => {
    const migrations = migrationsUpTo('0003_dissents_and_ledger');
    const dataDir = mkdtempSync(join(tmpdir(), 'plenary-backfill-'));
    dirs.push(migrations, dataDir);
    postgres = await createTestPostgresDatabase();
    const seed = async (exec: Exec) => {
      await seedBeforeLedger(exec, expected);
      await exec(`insert into proposal (id, assembly_id, title, created_by) values ($1, 'assembly-"1"', 'Already chained', $2)`, [
        existing.proposalId,
        CREATOR,
      ]);
      await exec(`insert into ledger_entry (proposal_id, seq, kind, entry, hash) values ($1, 1, 'proposal.created', $2, $3)`, [
        existing.proposalId,
        JSON.stringify(existing),
        entryHash(existing),
      ]);
    };
    await buildOlderDatabase(migrations, { dataDir, postgres }, seed);
    // The server's own opening: applies 0004 (and any later migration) as the owner, then runs as plenary_app.
    database = await openDatabase({ dataDir, databaseUrl: postgres?.url });
  });

  afterAll(async () => {
    await database?.close();
    await postgres?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function chainOf(proposalId: string): Promise<LedgerEntry[]> {
    const rows = await database!.db
      .select({ entry: ledgerEntry.entry, hash: ledgerEntry.hash })
      .from(ledgerEntry)
      .where(sql`${ledgerEntry.proposalId} = ${proposalId}`)
      .orderBy(asc(ledgerEntry.seq));
    return rows.map((row) => ({ ...row.entry, hash: row.hash }));
  }

  it('writes exactly the entry core/ledger.ts would, for every proposal without one', async () => {
    for (const p of expected) {
      const chain = await chainOf(p.id);
      expect(chain, p.title).toHaveLength(1);
      expect(verifyChain(p.id, chain), p.title).toEqual({ ok: true, length: 1, head: { seq: 1, hash: chain[0].hash } });
      const body: LedgerEntryBody = {
        v: 1,
        proposalId: p.id,
        seq: 1,
        kind: 'proposal.created',
        actorId: CREATOR,
        at: p.at,
        data: { assemblyId: 'assembly-"1"', titleHash: titleHash(p.title), authorIds: expectedOrder(p) },
        prev: null,
      };
      const { hash, ...stored } = chain[0];
      expect(stored, p.title).toEqual(body);
      expect(hash, p.title).toBe(entryHash(body));
    }
  });

  it('leaves a proposal that already has a chain alone', async () => {
    const chain = await chainOf(existing.proposalId);
    expect(chain).toEqual([{ ...existing, hash: entryHash(existing) }]);
  });

  it('then runs the server as plenary_app, which may read the ledger but not change it', async () => {
    const who = await database!.db.execute(sql.raw('select current_user as role'));
    expect((who as unknown as { rows: { role: string }[] }).rows[0].role).toBe('plenary_app');
    const refused = await database!.db.execute(sql.raw('delete from ledger_entry')).then(
      () => undefined,
      (error: { cause?: { code?: string; message?: string } }) => error.cause,
    );
    expect(refused).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied for table ledger_entry/) });
  });
});
