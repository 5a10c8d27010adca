import { z } from 'zod';
import type { LiveEvent } from '../../core/realtime-events';
import { onEvent, onSessionEnded, publishFromOtherNode, publishSessionEndedFromOtherNode, type SessionEnded } from '../realtime/event-bus';
import type { MessageSeal } from './message-seal';
import type { RedisClients } from './redis-clients';

/** The channel of committed events and ended sessions. */
const EVENTS_CHANNEL = 'plenary:events';

/** A message on the events channel. Events are this code's own, so their shape is checked loosely. */
const relayedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), node: z.string(), event: z.looseObject({ type: z.string() }) }),
  z.object({ kind: z.literal('session-ended'), node: z.string(), ended: z.object({ sessionId: z.string(), userId: z.string() }) }),
  // A node whose link to Redis came back: what it published meanwhile is lost, so every node checks again.
  z.object({ kind: z.literal('link-restored'), node: z.string() }),
]);

/** The event relay of a node. */
export interface EventRelay {
  /** Tells the other nodes that this node's link came back (they then catch up too). */
  announceLinkRestored(): void;
  stop(): void;
}

/**
 * Carries this node's committed events and ended sessions to the other
 * nodes, and theirs to this node's event bus (marked as from another node),
 * so that each node's sync server closes its own connections of a member
 * removed anywhere. Messages are sealed (see MessageSeal); another node's
 * `link-restored` calls `onOtherNodeRestored`.
 */
export function relayEvents(clients: RedisClients, node: string, seal: MessageSeal, onOtherNodeRestored: () => void): EventRelay {
  const send = (message: z.infer<typeof relayedSchema>) =>
    clients.pub.publish(EVENTS_CHANNEL, seal.seal(Buffer.from(JSON.stringify(message)))).catch(() => undefined);
  const stopEvents = onEvent((event: LiveEvent, heard) => {
    if (!heard.fromOtherNode) void send({ kind: 'event', node, event: { ...event } });
  });
  const stopSessions = onSessionEnded((ended: SessionEnded, heard) => {
    if (!heard.fromOtherNode) void send({ kind: 'session-ended', node, ended });
  });
  const onMessage = (channel: Buffer, payload: Buffer) => {
    if (channel.toString() !== EVENTS_CHANNEL) return;
    const opened = seal.open(payload);
    if (!opened) return;
    let parsed: z.infer<typeof relayedSchema>;
    try {
      parsed = relayedSchema.parse(JSON.parse(Buffer.from(opened).toString('utf8')));
    } catch {
      return;
    }
    if (parsed.node === node) return;
    if (parsed.kind === 'event') publishFromOtherNode(parsed.event as unknown as LiveEvent);
    else if (parsed.kind === 'session-ended') publishSessionEndedFromOtherNode(parsed.ended);
    else onOtherNodeRestored();
  };
  clients.sub.on('messageBuffer', onMessage);
  void clients.sub.subscribe(EVENTS_CHANNEL).catch(() => undefined);
  return {
    announceLinkRestored: () => void send({ kind: 'link-restored', node }),
    stop() {
      stopEvents();
      stopSessions();
      clients.sub.off('messageBuffer', onMessage);
    },
  };
}
