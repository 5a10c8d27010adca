import { EventEmitter } from 'node:events';
import type { AssemblyEvent } from '../../core/realtime-events';

// Services run inside Next's bundles, the socket.io and sync servers in the
// composition root: one emitter on globalThis serves them all.
const KEY = Symbol.for('plenary.events');

function bus(): EventEmitter {
  const holder = globalThis as unknown as Record<symbol, EventEmitter | undefined>;
  return (holder[KEY] ??= new EventEmitter().setMaxListeners(50));
}

/** Announces an event that a use case has committed. Never throws: listeners' failures are logged. */
export function publish(event: AssemblyEvent): void {
  try {
    bus().emit('event', event);
  } catch (error) {
    console.error('[events] a listener failed:', error);
  }
}

/** Listens to every published event; returns the function that stops listening. */
export function onEvent(listener: (event: AssemblyEvent) => void): () => void {
  bus().on('event', listener);
  return () => bus().off('event', listener);
}
