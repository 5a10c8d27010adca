import { asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Queryable } from '../db/database';
import type { LogAppender } from '../db/log-appender';
import { TEXT_FROZEN_STATUSES } from '../../core/proposal-status';
import { docSnapshot, docUpdate, proposal } from '../db/schema';
import { initialTextState } from './initial-state';

/** A proposal's stored text: the snapshot and the log rows after it. */
export interface StoredText {
  snapshot: Uint8Array | undefined;
  updates: { id: number; data: Uint8Array }[];
  /** Whether the proposal's status froze its text when this was read (TEXT_FROZEN_STATUSES). */
  frozen: boolean;
}

/** One update to append to the log. */
export interface LogEntry {
  proposalId: string;
  data: Uint8Array;
}

/** Writes a new proposal's initial text as its first snapshot, in the transaction that creates the proposal. */
export async function storeInitialText(tx: Queryable, proposalId: string): Promise<void> {
  await tx.insert(docSnapshot).values({ proposalId, state: initialTextState() });
}

/**
 * Reads a proposal's snapshot, the whole log after it and the proposal's
 * status in one statement: a single statement sees one consistent view of
 * the database, so a compaction committing meanwhile cannot hide the rows it
 * folded from both parts (and one round trip keeps the first sync reply fast).
 */
export async function loadText(db: Queryable, proposalId: string): Promise<StoredText> {
  const result = await db.execute(sql`
    select 0 as part, 0::bigint as id, ${docSnapshot.state} as data, null::text as status from ${docSnapshot} where ${docSnapshot.proposalId} = ${proposalId}
    union all
    select 1 as part, ${docUpdate.id} as id, ${docUpdate.data} as data, null::text as status from ${docUpdate} where ${docUpdate.proposalId} = ${proposalId}
    union all
    select 2 as part, 0::bigint as id, null::bytea as data, ${proposal.status} as status from ${proposal} where ${proposal.id} = ${proposalId}
    order by part, id`);
  const rows = (result as unknown as { rows: { part: number; id: string | number; data: Uint8Array | null; status: string | null }[] }).rows;
  const bytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const snapshot = rows.find((row) => Number(row.part) === 0);
  const status = rows.find((row) => Number(row.part) === 2)?.status;
  return {
    snapshot: snapshot?.data ? bytes(snapshot.data) : undefined,
    updates: rows.filter((row) => Number(row.part) === 1).map((row) => ({ id: Number(row.id), data: bytes(row.data!) })),
    frozen: (TEXT_FROZEN_STATUSES as readonly (string | null | undefined)[]).includes(status),
  };
}

/**
 * Makes the initial text of a proposal that has none stored (one created
 * before texts existed). Conditional, so that two loaders cannot both write it.
 */
export async function ensureInitialText(db: Db, proposalId: string): Promise<void> {
  await db.insert(docSnapshot).values({ proposalId, state: initialTextState() }).onConflictDoNothing();
}

/**
 * Appends a batch of updates to the log; resolves once committed, with the
 * proposals whose updates were refused because their text is frozen (see
 * server/db/log-appender.ts). One statement is atomic on its own, so no
 * explicit transaction (and no extra round trips) is needed.
 */
export async function appendUpdates(appendLog: LogAppender, entries: LogEntry[]): Promise<ReadonlySet<string>> {
  return appendLog(entries);
}

/** What a compaction did. */
export interface CompactionResult {
  /** Log rows folded into the snapshot (and deleted). */
  mergedRows: number;
  /** Their total size in bytes. */
  mergedBytes: number;
  /** Size of the snapshot before and after. */
  snapshotBytesBefore: number;
  snapshotBytesAfter: number;
}

/**
 * Folds a proposal's log into its snapshot: in one transaction, reads the
 * snapshot (locked) and the log rows, merges them in a fresh garbage-collected
 * document, writes the new snapshot and deletes exactly the rows it merged
 * (by id, so rows committed meanwhile stay).
 */
export async function compactText(db: Db, proposalId: string): Promise<CompactionResult> {
  return db.transaction(async (tx) => {
    const [snapshot] = await tx
      .select({ state: docSnapshot.state })
      .from(docSnapshot)
      .where(eq(docSnapshot.proposalId, proposalId))
      .for('update');
    const rows = await tx
      .select({ id: docUpdate.id, data: docUpdate.data })
      .from(docUpdate)
      .where(eq(docUpdate.proposalId, proposalId))
      .orderBy(asc(docUpdate.id));
    const snapshotBytesBefore = snapshot?.state.length ?? 0;
    if (rows.length === 0) return { mergedRows: 0, mergedBytes: 0, snapshotBytesBefore, snapshotBytesAfter: snapshotBytesBefore };
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await tx
      .insert(docSnapshot)
      .values({ proposalId, state, mergedUpdates: rows.length })
      .onConflictDoUpdate({
        target: docSnapshot.proposalId,
        set: { state, mergedUpdates: sql`${docSnapshot.mergedUpdates} + ${rows.length}`, updatedAt: new Date() },
      });
    await tx.delete(docUpdate).where(
      inArray(
        docUpdate.id,
        rows.map((row) => row.id),
      ),
    );
    return {
      mergedRows: rows.length,
      mergedBytes: rows.reduce((sum, row) => sum + row.data.length, 0),
      snapshotBytesBefore,
      snapshotBytesAfter: state.length,
    };
  });
}
