import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE, SYNC_STEP } from '../../core/sync-protocol';

/** A message a client sent, decoded completely. */
export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

/** Thrown for a frame that is not exactly one well-formed message. */
export class MalformedMessageError extends Error {
  constructor(reason: string) {
    super(`malformed message: ${reason}`);
    this.name = 'MalformedMessageError';
  }
}

/**
 * Decodes one binary frame of the y-websocket protocol. The frame must hold
 * exactly one message: unknown types, truncation and trailing bytes are all
 * malformed. The payloads themselves (updates, awareness) are checked later.
 */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP.step1) message = { kind: 'sync-step-1', stateVector: payload };
      else if (step === SYNC_STEP.step2) message = { kind: 'sync-step-2', update: payload };
      else if (step === SYNC_STEP.update) message = { kind: 'update', update: payload };
      else throw new MalformedMessageError(`unknown sync step ${step}`);
    } else if (type === MESSAGE.awareness) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE.queryAwareness) {
      message = { kind: 'query-awareness' };
    } else if (type === MESSAGE.auth) {
      // Clients have nothing to tell the server here; read and ignore the stock payload.
      decoding.readVarUint(decoder);
      if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
      message = { kind: 'auth' };
    } else {
      throw new MalformedMessageError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError('truncated or undecodable');
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
  return message;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the sender's state vector, asking for what it lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** Sync step 2: the update the receiver lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP.step2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** A committed update relayed to the other clients. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP.update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The saved signal: the state vector and the delete set of everything committed. */
export function encodeSaved(stateVector: Uint8Array, deleteSet: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.saved);
    encoding.writeVarUint8Array(e, stateVector);
    encoding.writeVarUint8Array(e, deleteSet);
  });
}
