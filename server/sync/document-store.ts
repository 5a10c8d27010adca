import { and, asc, eq, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Queryable } from '../db/database';
import type { AppendResult, LogAppender } from '../db/log-appender';
import { TEXT_FROZEN_STATUSES } from '../../core/proposal-status';
import { docSnapshot, docUpdate, proposal } from '../db/schema';
import { initialTextState } from './initial-state';

/** A proposal's stored text: the snapshot and the log rows after it. */
export interface StoredText {
  snapshot: Uint8Array | undefined;
  /** The highest update sequence number the snapshot holds (0: none). */
  snapshotThrough: number;
  /** Log rows in sequence order. */
  updates: { seq: number; data: Uint8Array }[];
  /** Whether the proposal's status froze its text when this was read (TEXT_FROZEN_STATUSES). */
  frozen: boolean;
}

/** One update to append to the log. */
export interface LogEntry {
  proposalId: string;
  data: Uint8Array;
}

/** First key of the advisory lock a compaction takes (the second is the proposal id's hash). */
const COMPACTION_LOCK_CLASS = 7_305_001;

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
  return readText(db, proposalId, 0);
}

/**
 * The part of a proposal's text after update `afterSeq` (a node catching up):
 * the log rows after it, plus the snapshot when a compaction folded some of
 * those rows into it (applying a snapshot again is harmless: Yjs updates are
 * idempotent). One statement, for the same reason as {@link loadText}.
 */
export async function readText(db: Queryable, proposalId: string, afterSeq: number): Promise<StoredText> {
  const result = await db.execute(sql`
    select 0 as part, ${docSnapshot.throughSeq} as seq, ${docSnapshot.state} as data, null::text as status from ${docSnapshot}
      where ${docSnapshot.proposalId} = ${proposalId} and (${afterSeq} = 0 or ${docSnapshot.throughSeq} > ${afterSeq})
    union all
    select 1 as part, ${docUpdate.seq} as seq, ${docUpdate.data} as data, null::text as status from ${docUpdate}
      where ${docUpdate.proposalId} = ${proposalId} and ${docUpdate.seq} > ${afterSeq}
    union all
    select 2 as part, 0::bigint as seq, null::bytea as data, ${proposal.status} as status from ${proposal} where ${proposal.id} = ${proposalId}
    order by part, seq`);
  const rows = (result as unknown as { rows: { part: number; seq: string | number; data: Uint8Array | null; status: string | null }[] }).rows;
  const bytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const snapshot = rows.find((row) => Number(row.part) === 0);
  const status = rows.find((row) => Number(row.part) === 2)?.status;
  return {
    snapshot: snapshot?.data ? bytes(snapshot.data) : undefined,
    snapshotThrough: snapshot ? Number(snapshot.seq) : 0,
    updates: rows.filter((row) => Number(row.part) === 1).map((row) => ({ seq: Number(row.seq), data: bytes(row.data!) })),
    frozen: (TEXT_FROZEN_STATUSES as readonly (string | null | undefined)[]).includes(status),
  };
}

/**
 * Applies a stored text (snapshot first, then the log in order) to `doc` in
 * one transaction; returns the update describing what it changed there, if
 * anything (a catch-up that read only what `doc` held changes nothing).
 */
export function applyStoredText(doc: Y.Doc, stored: StoredText): Uint8Array | undefined {
  let changes: Uint8Array | undefined;
  const listen = (update: Uint8Array) => (changes = update);
  doc.on('update', listen);
  try {
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const row of stored.updates) Y.applyUpdate(doc, row.data);
    });
  } finally {
    doc.off('update', listen);
  }
  return changes;
}

/** The highest update sequence number a stored text holds. */
export function lastSeqOf(text: StoredText): number {
  return Math.max(text.snapshotThrough, text.updates.at(-1)?.seq ?? 0);
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
export async function appendUpdates(appendLog: LogAppender, entries: LogEntry[]): Promise<AppendResult> {
  return appendLog(entries);
}

/** What a compaction did. */
export interface CompactionResult {
  /** Whether another node (or process) was compacting this text, so that this one did nothing. */
  skipped: boolean;
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
 * (by sequence number, so rows committed meanwhile stay). Only one node at a
 * time compacts a text: the others find the transaction-scoped advisory lock
 * taken and skip (the snapshot's row lock alone would make them wait, then
 * fold again what the first one just folded).
 */
export async function compactText(db: Db, proposalId: string): Promise<CompactionResult> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${COMPACTION_LOCK_CLASS}, hashtext(${proposalId})) as taken`);
    const [{ taken }] = (lock as unknown as { rows: { taken: boolean }[] }).rows;
    if (!taken) return { skipped: true, mergedRows: 0, mergedBytes: 0, snapshotBytesBefore: 0, snapshotBytesAfter: 0 };
    const [snapshot] = await tx
      .select({ state: docSnapshot.state })
      .from(docSnapshot)
      .where(eq(docSnapshot.proposalId, proposalId))
      .for('update');
    const rows = await tx
      .select({ seq: docUpdate.seq, data: docUpdate.data })
      .from(docUpdate)
      .where(eq(docUpdate.proposalId, proposalId))
      .orderBy(asc(docUpdate.seq));
    const snapshotBytesBefore = snapshot?.state.length ?? 0;
    if (rows.length === 0) return { skipped: false, mergedRows: 0, mergedBytes: 0, snapshotBytesBefore, snapshotBytesAfter: snapshotBytesBefore };
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const throughSeq = rows.at(-1)!.seq;
    await tx
      .insert(docSnapshot)
      .values({ proposalId, state, mergedUpdates: rows.length, throughSeq })
      .onConflictDoUpdate({
        target: docSnapshot.proposalId,
        set: { state, mergedUpdates: sql`${docSnapshot.mergedUpdates} + ${rows.length}`, throughSeq, updatedAt: new Date() },
      });
    // Rows commit in sequence order (see log-appender.ts), so those read are exactly 1 … throughSeq of what is left.
    await tx.delete(docUpdate).where(and(eq(docUpdate.proposalId, proposalId), lte(docUpdate.seq, throughSeq)));
    return {
      skipped: false,
      mergedRows: rows.length,
      mergedBytes: rows.reduce((sum, row) => sum + row.data.length, 0),
      snapshotBytesBefore,
      snapshotBytesAfter: state.length,
    };
  });
}
