import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * What the server reported as committed, from a saved signal (message type
 * 100). The state vector is always complete; the deletions are the whole
 * committed delete set in the signal sent on connecting, and only what each
 * commit added afterwards: accumulate them with {@link mergeDurableStates}.
 */
export interface DurableState {
  stateVector: Map<number, number>;
  /** Deleted ranges per client: [clock, length] pairs. */
  deletions: Map<number, [number, number][]>;
}

/** The durable state after `next`, knowing `previous` (deletions accumulate, the state vector is replaced). */
export function mergeDurableStates(previous: DurableState | undefined, next: DurableState): DurableState {
  if (!previous) return next;
  const deletions = new Map(previous.deletions);
  for (const [client, ranges] of next.deletions) deletions.set(client, [...(deletions.get(client) ?? []), ...ranges]);
  return { stateVector: next.stateVector, deletions };
}

/** Decodes the payload of a saved signal (after its message type). */
export function readDurableState(decoder: decoding.Decoder): DurableState {
  const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  const deletions = new Map<number, [number, number][]>();
  if (decoding.hasContent(decoder)) {
    const { ds } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
    for (const [client, items] of ds.clients) deletions.set(client, items.map((item) => [item.clock, item.len]));
  }
  return { stateVector, deletions };
}

/** Whether `ranges` (possibly overlapping, unsorted [clock, length] pairs) cover all of [clock, clock + len). */
export function covered(ranges: [number, number][] | undefined, clock: number, len: number): boolean {
  let from = clock;
  const end = clock + len;
  for (const [start, length] of [...(ranges ?? [])].sort((a, b) => a[0] - b[0])) {
    if (start > from) break;
    from = Math.max(from, start + length);
    if (from >= end) return true;
  }
  return from >= end;
}

/**
 * Whether everything `doc` holds is durable on the server: every item it has
 * (by state vector) and every deletion it knows of. A browser shows "saved"
 * only when this holds, so that not even a deletion can be lost unseen.
 */
export function isDurable(doc: Y.Doc, durable: DurableState): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((durable.stateVector.get(client) ?? 0) < clock) return false;
  }
  const { ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
  for (const [client, items] of ds.clients) {
    for (const item of items) if (!covered(durable.deletions.get(client), item.clock, item.len)) return false;
  }
  return true;
}
