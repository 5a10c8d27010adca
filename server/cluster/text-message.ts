import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What travels on a text's channel between nodes. */
export type TextMessage =
  | { kind: 'update'; node: string; seq: number; update: Uint8Array }
  | { kind: 'awareness'; node: string; update: Uint8Array }
  /** A node that just loaded the text asks the others for their clients' presence. */
  | { kind: 'presence-query'; node: string }
  /**
   * The last update a node holds of the text, sent after its link came back: an update it
   * published while Redis was away was lost, and a node behind that number reads it back.
   */
  | { kind: 'head'; node: string; seq: number };

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_PRESENCE_QUERY = 2;
const KIND_HEAD = 3;

const KINDS = { update: KIND_UPDATE, awareness: KIND_AWARENESS, 'presence-query': KIND_PRESENCE_QUERY, head: KIND_HEAD } as const;

/** The channel of a proposal's text. */
export function textChannel(proposalId: string): string {
  return `plenary:text:${proposalId}`;
}

/** Encodes a message: kind, sending node, sequence number (updates), payload. */
export function encodeTextMessage(message: TextMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS[message.kind]);
  encoding.writeVarString(encoder, message.node);
  if (message.kind === 'update' || message.kind === 'head') encoding.writeVarUint(encoder, message.seq);
  if (message.kind === 'update' || message.kind === 'awareness') encoding.writeVarUint8Array(encoder, message.update);
  return encoding.toUint8Array(encoder);
}

/** Decodes a message, or answers undefined for anything else found on the channel. */
export function decodeTextMessage(bytes: Uint8Array): TextMessage | undefined {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const node = decoding.readVarString(decoder);
    if (kind === KIND_UPDATE) {
      const seq = decoding.readVarUint(decoder);
      return { kind: 'update', node, seq, update: decoding.readVarUint8Array(decoder) };
    }
    if (kind === KIND_AWARENESS) return { kind: 'awareness', node, update: decoding.readVarUint8Array(decoder) };
    if (kind === KIND_PRESENCE_QUERY) return { kind: 'presence-query', node };
    if (kind === KIND_HEAD) return { kind: 'head', node, seq: decoding.readVarUint(decoder) };
    return undefined;
  } catch {
    return undefined;
  }
}
