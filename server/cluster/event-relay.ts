import { z } from 'zod';
import type { LiveEvent } from '../../core/realtime-events';
import { onEvent, onSessionEnded, publishFromOtherNode, publishSessionEndedFromOtherNode, type SessionEnded } from '../realtime/event-bus';
import type { RedisClients } from './redis-clients';

/** The channel of committed events and ended sessions. */
const EVENTS_CHANNEL = 'plenary:events';

/** A message on the events channel. Events are this code's own, so their shape is checked loosely. */
const relayedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), node: z.string(), event: z.looseObject({ type: z.string() }) }),
  z.object({ kind: z.literal('session-ended'), node: z.string(), ended: z.object({ sessionId: z.string(), userId: z.string() }) }),
]);

/**
 * Carries this node's committed events and ended sessions to the other
 * nodes, and theirs to this node's event bus (marked as from another node),
 * so that each node's sync server closes its own connections of a member
 * removed anywhere. Returns the function that stops it.
 */
export function relayEvents(clients: RedisClients, node: string): () => void {
  const send = (message: z.infer<typeof relayedSchema>) =>
    clients.pub.publish(EVENTS_CHANNEL, JSON.stringify(message)).catch(() => undefined);
  const stopEvents = onEvent((event: LiveEvent, heard) => {
    if (!heard.fromOtherNode) void send({ kind: 'event', node, event: { ...event } });
  });
  const stopSessions = onSessionEnded((ended: SessionEnded, heard) => {
    if (!heard.fromOtherNode) void send({ kind: 'session-ended', node, ended });
  });
  const onMessage = (channel: string, payload: string) => {
    if (channel !== EVENTS_CHANNEL) return;
    let parsed: z.infer<typeof relayedSchema>;
    try {
      parsed = relayedSchema.parse(JSON.parse(payload));
    } catch {
      return;
    }
    if (parsed.node === node) return;
    if (parsed.kind === 'event') publishFromOtherNode(parsed.event as unknown as LiveEvent);
    else publishSessionEndedFromOtherNode(parsed.ended);
  };
  clients.sub.on('message', onMessage);
  void clients.sub.subscribe(EVENTS_CHANNEL).catch(() => undefined);
  return () => {
    stopEvents();
    stopSessions();
    clients.sub.off('message', onMessage);
  };
}
