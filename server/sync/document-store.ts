import { asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Queryable } from '../db/database';
import { docSnapshot, docUpdate } from '../db/schema';
import { initialTextState } from './initial-state';

/** A proposal's stored text: the snapshot and the log rows after it. */
export interface StoredText {
  snapshot: Uint8Array | undefined;
  updates: { id: number; data: Uint8Array }[];
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
 * Reads a proposal's snapshot and the whole log after it, from one consistent
 * view of the database: a compaction committing between the two reads would
 * otherwise hide the rows it folded from both.
 */
export async function loadText(db: Db, proposalId: string): Promise<StoredText> {
  return db.transaction(
    async (tx) => {
      const [snapshot] = await tx
        .select({ state: docSnapshot.state })
        .from(docSnapshot)
        .where(eq(docSnapshot.proposalId, proposalId));
      const updates = await tx
        .select({ id: docUpdate.id, data: docUpdate.data })
        .from(docUpdate)
        .where(eq(docUpdate.proposalId, proposalId))
        .orderBy(asc(docUpdate.id));
      return { snapshot: snapshot?.state, updates };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Makes the initial text of a proposal that has none stored (one created
 * before texts existed). Conditional, so that two loaders cannot both write it.
 */
export async function ensureInitialText(db: Db, proposalId: string): Promise<void> {
  await db.insert(docSnapshot).values({ proposalId, state: initialTextState() }).onConflictDoNothing();
}

/** Appends a batch of updates to the log in one transaction; resolves once committed. */
export async function appendUpdates(db: Db, entries: LogEntry[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(docUpdate).values(entries.map((entry) => ({ proposalId: entry.proposalId, data: entry.data })));
  });
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
