/**
 * Reference server 1: `@y/websocket-server` exactly as shipped, by running its
 * own command (the package's `bin`, src/server.js: `setupWSConnection` on a ws
 * server, documents in memory, no persistence since YPERSISTENCE is unset),
 * bound to 127.0.0.1 on the given port. It prints "running at '127.0.0.1' on port N".
 *
 * Usage: node --import tsx bench/servers/y-websocket-server.ts --port N
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverPort } from './server-port';

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('@y/websocket-server/package.json');
const manifest = require(manifestPath) as { version: string; bin: Record<string, string> };

process.env.HOST = '127.0.0.1';
process.env.PORT = String(serverPort());
delete process.env.YPERSISTENCE;
console.log(`@y/websocket-server ${manifest.version}`);
await import(pathToFileURL(join(dirname(manifestPath), manifest.bin['y-websocket-server'])).href);
