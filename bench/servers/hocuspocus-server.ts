/**
 * Reference server 2: `@hocuspocus/server` with its default configuration
 * (documents in memory, no extensions), started with its stock `Server`
 * class. `Server.listen()` would bind every interface (it passes `address`,
 * which Node ignores), so the same HTTP server is bound to 127.0.0.1 directly;
 * its upgrade and connection handling are the stock ones.
 *
 * Usage: node --import tsx bench/servers/hocuspocus-server.ts --port N
 */
import { Server } from '@hocuspocus/server';
import { packageInfo } from '../package-info';
import { serverPort } from './server-port';

const port = serverPort();
const { version } = packageInfo('@hocuspocus/server', import.meta.filename);
const server = new Server({ quiet: true });
server.httpServer.listen(port, '127.0.0.1', () => {
  console.log(`@hocuspocus/server ${version} listening on 127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  void server.destroy().finally(() => process.exit(0));
});
