import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of the seal appended to every message between nodes (HMAC-SHA-256). */
const SEAL_BYTES = 32;

/**
 * Seals and checks the messages nodes exchange over Redis with a key derived
 * from the AUTH_SECRET every node shares: whoever can publish on the Redis
 * server, but does not hold the secret, cannot make a node apply an edit,
 * show a presence or close a connection.
 */
export class MessageSeal {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, so that a seal never doubles as a session-cookie or sync-token signature.
    this.key = createHmac('sha256', secret).update('plenary cluster messages v1').digest();
  }

  /** `payload` followed by its seal. */
  seal(payload: Uint8Array): Buffer {
    return Buffer.concat([payload, this.mac(payload)]);
  }

  /** The payload of a sealed message, or undefined when its seal does not match. */
  open(message: Uint8Array): Uint8Array | undefined {
    if (message.length < SEAL_BYTES) return undefined;
    const payload = message.subarray(0, message.length - SEAL_BYTES);
    const seal = message.subarray(message.length - SEAL_BYTES);
    return timingSafeEqual(this.mac(payload), seal) ? payload : undefined;
  }

  private mac(payload: Uint8Array): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}
