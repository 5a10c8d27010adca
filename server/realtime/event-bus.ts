import { EventEmitter } from 'node:events';
import type { LiveEvent } from '../../core/realtime-events';

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

function emit(channel: string, payload: unknown): void {
  bus().emit(channel, payload);
}

function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  // Each listener is guarded: an emitter stops at the first listener that throws, and one
  // failing consumer must not keep the others (sync, socket.io) from hearing the event.
  const guarded = (payload: T) => {
    try {
      listener(payload);
    } catch (error) {
      console.error(`[events] a ${channel} listener failed:`, error);
    }
  };
  bus().on(channel, guarded);
  return () => bus().off(channel, guarded);
}

/** Announces an event that a use case has committed. Never throws: listeners' failures are logged. */
export function publish(event: LiveEvent): void {
  emit('event', event);
}

/** Listens to every published event; returns the function that stops listening. */
export function onEvent(listener: (event: LiveEvent) => void): () => void {
  return listen('event', listener);
}

/** Announces that a session ended. */
export function publishSessionEnded(ended: SessionEnded): void {
  emit('session-ended', ended);
}

/** Listens to ended sessions; returns the function that stops listening. */
export function onSessionEnded(listener: (ended: SessionEnded) => void): () => void {
  return listen('session-ended', listener);
}
