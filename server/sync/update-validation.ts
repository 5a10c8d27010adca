import * as Y from 'yjs';

/**
 * Whether `update` is one complete Yjs update (v1 encoding): every struct and
 * the delete set decode, and no byte is left over. A truncated update, or a
 * valid one followed by garbage, is not complete: the sync server refuses it
 * before it reaches storage.
 */
export function isCompleteUpdate(update: Uint8Array): boolean {
  let decoder: { restDecoder: { pos: number; arr: Uint8Array } } | undefined;
  // decodeUpdateV2 accepts the decoder class to use: a subclass lets us see where decoding stopped.
  class TrackingDecoder extends Y.UpdateDecoderV1 {
    constructor(input: ConstructorParameters<typeof Y.UpdateDecoderV1>[0]) {
      super(input);
      decoder = this as unknown as typeof decoder;
    }
  }
  try {
    Y.decodeUpdateV2(update, TrackingDecoder as unknown as typeof Y.UpdateDecoderV1);
  } catch {
    return false;
  }
  return decoder !== undefined && decoder.restDecoder.pos === update.length;
}
