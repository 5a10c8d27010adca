import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy on a port of its own, forwarding every connection to one target port, which may change. */
export interface TcpProxy {
  port: number;
  /** Sends new connections to `port` from now on. */
  retarget(port: number): void;
  close(): Promise<void>;
}

/**
 * Forwards byte for byte (websocket upgrades included), standing in for a
 * load balancer that moves clients to another node when theirs dies: when
 * either side closes, so does the other, and the client reconnects through
 * the proxy to whichever node it now points at.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    retarget(port) {
      target = port;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
