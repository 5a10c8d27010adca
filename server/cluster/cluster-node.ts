import type { ReadinessCheck } from '../ops/readiness';
import { logger, redactText } from '../logging/logger';
import { relayEvents } from './event-relay';
import { MessageSeal } from './message-seal';
import { createRedisClients, type RedisClients } from './redis-clients';
import { TextRelay } from './text-relay';

/** This server as one node of several, linked through Redis. */
export interface ClusterNode {
  /** This node's name on the channels (unique per process). */
  name: string;
  clients: RedisClients;
  /** Texts between nodes (given to the sync server). */
  texts: TextRelay;
  /** The /readyz check of the link. */
  readiness: ReadinessCheck;
  /**
   * Calls `listener` whenever something may have been missed: this node's link came back
   * after a loss, or another node's did (what either published meanwhile is lost). The node
   * then catches up from the database.
   */
  onCatchUpNeeded(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Links this server to the others sharing its PostgreSQL database through
 * Redis (`REDIS_URL`): texts and presence on one channel per text, committed
 * events and ended sessions on one channel for all, and socket.io's adapter
 * (set up by the realtime server on the same clients).
 */
export function joinCluster(redisUrl: string, nodeName: string, secret: string): ClusterNode {
  // Two processes given the same NODE_NAME would drop each other's messages as their own.
  const name = `${nodeName}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  // The message only: the same connection error comes back every few seconds while Redis is away.
  const clients = createRedisClients(redisUrl, (error) => logger().error({ component: 'cluster', reason: redactText(error.message) }, 'Redis link error'));
  const seal = new MessageSeal(secret);
  const texts = new TextRelay(clients, name, seal);
  const listeners = new Set<() => void>();
  const needCatchUp = () => {
    for (const listener of listeners) listener();
  };
  const events = relayEvents(clients, name, seal, needCatchUp);
  const stopReconnected = clients.onReconnected(() => {
    logger().info({ component: 'cluster' }, 'Redis link is back: catching up, and telling the other nodes');
    events.announceLinkRestored();
    needCatchUp();
  });
  return {
    name,
    clients,
    texts,
    readiness: { name: 'redis', run: () => clients.pub.ping() },
    onCatchUpNeeded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      stopReconnected();
      listeners.clear();
      events.stop();
      texts.close();
      await clients.close();
    },
  };
}
