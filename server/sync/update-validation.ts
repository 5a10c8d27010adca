import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Deleted ranges by client: [clock, length] pairs. */
export type Deletions = Map<number, [number, number][]>;

/**
 * Decodes `update` completely (v1 encoding) and returns the ranges it
 * deletes, or undefined when it is not exactly one complete update: a
 * truncated update, or a valid one followed by garbage, is refused before it
 * reaches storage.
 */
export function decodeCompleteUpdate(update: Uint8Array): Deletions | undefined {
  let decoder: { restDecoder: { pos: number } } | undefined;
  // decodeUpdateV2 accepts the decoder class to use: a subclass lets us see where decoding stopped.
  class TrackingDecoder extends Y.UpdateDecoderV1 {
    constructor(input: ConstructorParameters<typeof Y.UpdateDecoderV1>[0]) {
      super(input);
      decoder = this as unknown as typeof decoder;
    }
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdateV2(update, TrackingDecoder as unknown as typeof Y.UpdateDecoderV1);
  } catch {
    return undefined;
  }
  if (decoder === undefined || decoder.restDecoder.pos !== update.length) return undefined;
  const deletions: Deletions = new Map();
  for (const [client, items] of decoded.ds.clients) deletions.set(client, items.map((item) => [item.clock, item.len]));
  return deletions;
}

/** Adds `more` to `into` (ranges may overlap; readers merge them). */
export function addDeletions(into: Deletions, more: Deletions): void {
  for (const [client, ranges] of more) {
    const list = into.get(client);
    if (list) list.push(...ranges);
    else into.set(client, [...ranges]);
  }
}

/** An update (v1) that carries no items, only these deletions: the form clients decode a delete set from. */
export function encodeDeletions(deletions: Deletions): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no structs
  encoding.writeVarUint(encoder, deletions.size);
  for (const [client, ranges] of deletions) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Whether `update` holds anything `doc` lacks: an insertion beyond the
 * document's state vector, or a deletion of something the document has not
 * deleted. Used for frozen texts only, where it tells a client that merely
 * repeats what is stored (a reconnect's sync step 2 carries its whole delete
 * set) from one holding edits the frozen text lacks. It walks the document's
 * delete set, so it stays off the hot path.
 */
export function addsToDocument(doc: Y.Doc, update: Uint8Array, deletions: Deletions): boolean {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.parseUpdateMeta(update).to) if (clock > (vector.get(client) ?? 0)) return true;
  if (deletions.size === 0) return false;
  const deleted = Y.snapshot(doc).ds.clients;
  for (const [client, ranges] of deletions) {
    const known = deleted.get(client) ?? [];
    for (const [clock, length] of ranges) if (length > 0 && !withinOne(known, clock, clock + length)) return true;
  }
  return false;
}

/**
 * Whether [start, end) lies within one of `items`, sorted and merged ranges
 * (as Yjs builds a document's delete set: adjacent deleted structs make one
 * range, so a range deleted in the document lies within a single item).
 */
function withinOne(items: { clock: number; len: number }[], start: number, end: number): boolean {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = items[middle];
    if (start < item.clock) high = middle - 1;
    else if (start >= item.clock + item.len) low = middle + 1;
    else return end <= item.clock + item.len;
  }
  return false;
}
