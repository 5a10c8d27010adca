import { EventEmitter } from 'node:events';
import type { LiveEvent } from '../../core/realtime-events';
import { logger } from '../logging/logger';

/** A session that ended (sign-out, password reset, expiry clean-up): its live connections must end too. */
export interface SessionEnded {
  sessionId: string;
  userId: string;
}

// Services run inside Next's bundles, the socket.io and sync servers in the
// composition root: one emitter on globalThis serves them all.
const KEY = Symbol.for('plenary.events');

function bus(): EventEmitter {
  const holder = globalThis as unknown as Record<symbol, EventEmitter | undefined>;
  return (holder[KEY] ??= new EventEmitter().setMaxListeners(50));
}

/** Where an event was committed: by this node, or by another node (heard over Redis). */
export interface Heard {
  fromOtherNode: boolean;
}

const HERE: Heard = { fromOtherNode: false };
const ELSEWHERE: Heard = { fromOtherNode: true };

function emit(channel: string, payload: unknown, heard: Heard): void {
  bus().emit(channel, payload, heard);
}

function listen<T>(channel: string, listener: (payload: T, heard: Heard) => void): () => void {
  // Each listener is guarded: an emitter stops at the first listener that throws, and one
  // failing consumer must not keep the others (sync, socket.io) from hearing the event.
  const guarded = (payload: T, heard: Heard) => {
    try {
      listener(payload, heard);
    } catch (error) {
      logger().error({ component: 'events', channel, err: error }, 'an event listener failed');
    }
  };
  bus().on(channel, guarded);
  return () => bus().off(channel, guarded);
}

/** Announces an event that a use case has committed. Never throws: listeners' failures are logged. */
export function publish(event: LiveEvent): void {
  emit('event', event, HERE);
}

/** Announces an event another node committed (several nodes: the cluster relay calls this). */
export function publishFromOtherNode(event: LiveEvent): void {
  emit('event', event, ELSEWHERE);
}

/** Listens to every published event, this node's and other nodes'; returns the function that stops listening. */
export function onEvent(listener: (event: LiveEvent, heard: Heard) => void): () => void {
  return listen('event', listener);
}

/** Announces that a session ended. */
export function publishSessionEnded(ended: SessionEnded): void {
  emit('session-ended', ended, HERE);
}

/** Announces that a session ended, as another node heard of it first. */
export function publishSessionEndedFromOtherNode(ended: SessionEnded): void {
  emit('session-ended', ended, ELSEWHERE);
}

/** Listens to ended sessions, wherever they ended; returns the function that stops listening. */
export function onSessionEnded(listener: (ended: SessionEnded, heard: Heard) => void): () => void {
  return listen('session-ended', listener);
}
