import type { MessageSeal } from './message-seal';
import type { RedisClients } from './redis-clients';
import { decodeTextMessage, encodeTextMessage, textChannel, type TextMessage } from './text-message';

/** How long loading a text waits for its subscription before going on without (it catches up on reconnect). */
const SUBSCRIBE_WAIT_MS = 2000;

const CHANNEL_PREFIX = textChannel('');

/**
 * Carries texts between nodes over Redis pub/sub, one channel per text: a
 * node subscribes while it holds the text loaded, publishes its own clients'
 * committed updates (with their sequence numbers) and flushed presence, and
 * hands other nodes' messages to `receive`. Its own messages come back to it
 * from Redis and are dropped here.
 */
export class TextRelay {
  private receiver: ((proposalId: string, message: TextMessage) => void) | undefined;
  private readonly onMessage = (channel: Buffer, payload: Buffer) => {
    const name = channel.toString();
    if (!name.startsWith(CHANNEL_PREFIX)) return;
    const opened = this.seal.open(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
    const message = opened && decodeTextMessage(opened);
    if (!message || message.node === this.node) return;
    this.receiver?.(name.slice(CHANNEL_PREFIX.length), message);
  };

  constructor(
    private readonly clients: RedisClients,
    /** This node's name, unique among the nodes. */
    private readonly node: string,
    /** Seals what goes out and checks what comes in (messages without the nodes' seal are dropped). */
    private readonly seal: MessageSeal,
  ) {
    clients.sub.on('messageBuffer', this.onMessage);
  }

  /** Sets who receives other nodes' messages (the sync server's documents). */
  listen(receiver: (proposalId: string, message: TextMessage) => void): void {
    this.receiver = receiver;
  }

  /**
   * Subscribes to a text's channel before the text is read from the database,
   * so that nothing committed after the read goes unheard. Waits a bounded
   * time: while Redis is away the text still loads and serves this node's
   * clients, and the subscription is made (and the text caught up) on reconnect.
   */
  async follow(proposalId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const subscribed = this.clients.sub.subscribe(textChannel(proposalId)).then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([subscribed, new Promise<void>((done) => (timer = setTimeout(done, SUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /** Stops hearing of a text this node unloaded. */
  unfollow(proposalId: string): void {
    this.clients.sub.unsubscribe(textChannel(proposalId)).catch(() => undefined);
  }

  /** Tells the other nodes of an update committed by this node's client. */
  publishUpdate(proposalId: string, seq: number, update: Uint8Array): void {
    this.publish(proposalId, { kind: 'update', node: this.node, seq, update });
  }

  /** Tells the other nodes the last update this node holds of a text (after its link came back). */
  publishHead(proposalId: string, seq: number): void {
    this.publish(proposalId, { kind: 'head', node: this.node, seq });
  }

  /** Asks the other nodes holding a text for their clients' presence (answered with {@link publishAwareness}). */
  queryPresence(proposalId: string): void {
    this.publish(proposalId, { kind: 'presence-query', node: this.node });
  }

  /** Tells the other nodes of presence flushed here. */
  publishAwareness(proposalId: string, update: Uint8Array): void {
    this.publish(proposalId, { kind: 'awareness', node: this.node, update });
  }

  private publish(proposalId: string, message: TextMessage): void {
    // Dropped while Redis is away: the other nodes read the update back from the database on reconnect,
    // and presence is renewed by its clients every 15 s.
    this.clients.pub.publish(textChannel(proposalId), this.seal.seal(encodeTextMessage(message))).catch(() => undefined);
  }

  /** Stops listening (shutdown). */
  close(): void {
    this.clients.sub.off('messageBuffer', this.onMessage);
    this.receiver = undefined;
  }
}
