import { Redis } from 'ioredis';

/** The Redis connections of one node. */
export interface RedisClients {
  /** Publishes (and answers the readiness ping). Commands fail at once while disconnected: nothing queues up. */
  pub: Redis;
  /** Subscribes to the text channels and the event channel; resubscribes by itself after a reconnect. */
  sub: Redis;
  /** socket.io adapter's own subscriber (it filters the messages of its channels itself). */
  adapterSub: Redis;
  /**
   * Calls `listener` each time the subscriber or the publisher is connected again after a
   * loss: whatever was published meanwhile is gone, so the node reads back what it missed and
   * announces how far it got. Returns the function that stops it.
   */
  onReconnected(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Opens the node's Redis connections. Subscribers keep their commands
 * while reconnecting (a SUBSCRIBE issued during an outage is sent once Redis
 * is back) and never give up; the publisher drops commands while disconnected,
 * because what it would send late is read back from the database anyway.
 */
export function createRedisClients(url: string, onError: (error: Error) => void): RedisClients {
  const common = { connectionName: 'plenary', retryStrategy: (times: number) => Math.min(50 * times, 1000) };
  const pub = new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const sub = new Redis(url, { ...common, maxRetriesPerRequest: null });
  const adapterSub = new Redis(url, { ...common, maxRetriesPerRequest: null });
  // ioredis emits 'error' on every failed reconnect attempt: report it rather than crash on an unhandled event.
  let lastReport = 0;
  for (const client of [pub, sub, adapterSub]) {
    client.on('error', (error: Error) => {
      // One line a few seconds while Redis is away, not one per attempt.
      if (Date.now() - lastReport < 5000) return;
      lastReport = Date.now();
      onError(error);
    });
  }
  const listeners = new Set<() => void>();
  // The subscriber missed what was published meanwhile; the publisher's messages were dropped: either
  // way the node catches up (and tells the others how far it got) once that connection is back.
  for (const client of [sub, pub]) {
    let lost = false;
    client.on('close', () => (lost = true));
    client.on('ready', () => {
      if (!lost) return;
      lost = false;
      for (const listener of listeners) listener();
    });
  }
  return {
    pub,
    sub,
    adapterSub,
    onReconnected(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      // Subscribers have nothing to flush, and QUIT never settles while their offline queue holds a
      // command (a subscription asked for during an outage): disconnect them. The publisher gets a moment.
      sub.disconnect();
      adapterSub.disconnect();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pub.quit().catch(() => undefined), new Promise<void>((done) => (timer = setTimeout(done, 1000)))]);
      clearTimeout(timer);
      pub.disconnect();
    },
  };
}
