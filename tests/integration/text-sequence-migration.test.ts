/**
 * Migration 0006 numbers the update log of texts stored before it: every row
 * gets `seq`, counting from what the snapshot had already folded in, and every
 * proposal its counter, so that the texts read back unchanged and the next
 * edit continues the sequence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../server/db/open-database';
import { loadText, type StoredText } from '../../server/sync/document-store';
import { buildOlderDatabase, migrationsUpTo } from '../support/older-database';
import { createTestPostgresDatabase } from '../support/test-database';

/** Successive Yjs updates of one document typing `words`, and the text they make. */
function typing(words: string[]): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('t').insert(doc.getText('t').length, word);
  return { updates, text: doc.getText('t').toString() };
}

function textOf(stored: StoredText): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const row of stored.updates) Y.applyUpdate(doc, row.data);
  return doc.getText('t').toString();
}

const bytea = (bytes: Uint8Array) => Buffer.from(bytes);

describe('migration 0006 numbers existing texts', () => {
  const dirs: string[] = [];
  let postgres: Awaited<ReturnType<typeof createTestPostgresDatabase>>;
  let database: OpenDatabase | undefined;
  // "folded": three updates already in its snapshot (merged_updates 3), two left in the log.
  const folded = typing(['One ', 'two ', 'three ', 'four ', 'five']);
  // "logged": no compaction yet, its rows interleaved with the other's in id order.
  const logged = typing(['Alpha ', 'beta']);

  beforeAll(async () => {
    const migrations = migrationsUpTo('0005_deliberation_rounds');
    const dataDir = mkdtempSync(join(tmpdir(), 'plenary-seq-'));
    dirs.push(migrations, dataDir);
    postgres = await createTestPostgresDatabase();
    await buildOlderDatabase(migrations, { dataDir, postgres }, async (exec) => {
      await exec(`insert into "user" (id, name, email) values ('u1', 'Ann', 'ann@example.org')`);
      await exec(`insert into assembly (id, name, created_by) values ('a1', 'Kitchen', 'u1')`);
      for (const id of ['folded', 'logged', 'empty']) {
        await exec(`insert into proposal (id, assembly_id, title, created_by) values ($1, 'a1', $1, 'u1')`, [id]);
      }
      const snapshot = Y.mergeUpdates(folded.updates.slice(0, 3));
      await exec(`insert into doc_snapshot (proposal_id, state, merged_updates) values ('folded', $1, 3)`, [bytea(snapshot)]);
      await exec(`insert into doc_snapshot (proposal_id, state, merged_updates) values ('empty', $1, 0)`, [bytea(Y.encodeStateAsUpdate(new Y.Doc()))]);
      const rows: [string, Uint8Array][] = [
        ['logged', logged.updates[0]],
        ['folded', folded.updates[3]],
        ['logged', logged.updates[1]],
        ['folded', folded.updates[4]],
      ];
      for (const [proposalId, data] of rows) await exec(`insert into doc_update (proposal_id, data) values ($1, $2)`, [proposalId, bytea(data)]);
    });
    database = await openDatabase({ dataDir, databaseUrl: postgres?.url });
  });

  afterAll(async () => {
    await database?.close();
    await postgres?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function counter(proposalId: string): Promise<number> {
    const result = await database!.db.execute(sql`select last_seq from doc_sequence where proposal_id = ${proposalId}`);
    return Number((result as unknown as { rows: { last_seq: string }[] }).rows[0].last_seq);
  }

  it('numbers each text on from its snapshot, and each text reads back unchanged', async () => {
    const foldedText = await loadText(database!.db, 'folded');
    expect(foldedText.snapshotThrough).toBe(3);
    expect(foldedText.updates.map((row) => row.seq)).toEqual([4, 5]);
    expect(textOf(foldedText)).toBe(folded.text);
    const loggedText = await loadText(database!.db, 'logged');
    expect(loggedText.snapshotThrough).toBe(0);
    expect(loggedText.updates.map((row) => row.seq)).toEqual([1, 2]);
    expect(textOf(loggedText)).toBe(logged.text);
    expect([await counter('folded'), await counter('logged'), await counter('empty')]).toEqual([5, 2, 0]);
  });

  it('continues the sequence with the next edit, and starts one for every new proposal', async () => {
    const more = typing(['One ', 'two ', 'three ', 'four ', 'five', '!']).updates[5];
    const result = await database!.appendLog([{ proposalId: 'folded', data: more }]);
    expect(result.bases.get('folded')).toBe(5);
    expect((await loadText(database!.db, 'folded')).updates.map((row) => row.seq)).toEqual([4, 5, 6]);
    await database!.db.execute(sql`insert into proposal (id, assembly_id, title, created_by) values ('newer', 'a1', 'Newer', 'u1')`);
    expect(await counter('newer')).toBe(0);
  });
});
