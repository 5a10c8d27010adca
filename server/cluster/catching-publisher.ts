import type { Redis } from 'ioredis';

/**
 * The publisher as handed to socket.io's Redis adapter, whose publishes
 * nobody awaits: while Redis is away each would reject unhandled and stop the
 * process. Here a failed publish is dropped (clients re-read on RESYNC once
 * the link is back); everything else is the client itself.
 */
export function catchingPublisher(pub: Redis): Redis {
  return new Proxy(pub, {
    get(target, property) {
      if (property === 'publish') {
        return (...args: Parameters<Redis['publish']>) => target.publish(...args).catch(() => 0);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
