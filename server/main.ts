/**
 * Composition root: validates the configuration, opens (and migrates) the
 * database, builds the auth instance, and serves Next.js on one HTTP port.
 * The sync (/yjs) and socket.io endpoints attach to the same server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import next from 'next';
import { createAuth } from './auth/auth';
import { resolveAuthSecret } from './auth/auth-secret';
import { CLIENT_IP_HEADER } from './auth/client-ip';
import { createMailer } from './auth/mailer';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type OpenDatabase } from './db/open-database';
import { clearRuntime, setRuntime, type Runtime } from './runtime';
import { createSyncServer, type SyncServer } from './sync/sync-server';
import { createRealtimeServer, type RealtimeServer } from './realtime/realtime-server';
import { REALTIME_PATH } from '../core/realtime-events';
import { describeDemo, seedDemo, type DemoSeed } from './demo/seed-demo';
import { watchDecisionDeadlines } from './services/decision-deadlines';
import { createOpsEndpoints } from './ops/ops-endpoints';
import { createServerMetrics } from './ops/metrics';
import { createReadinessProbe, databaseCheck } from './ops/readiness';
import { createCatchUpScheduler } from './cluster/catch-up-scheduler';
import { joinCluster, type ClusterNode } from './cluster/cluster-node';
import { configureLogger, logger } from './logging/logger';
import { createRequestLog } from './logging/request-log';

/** The project root, where next.config.js and .next live. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** A running Plenary server. */
export interface RunningServer {
  /** Base URL, e.g. http://localhost:3000. */
  url: string;
  port: number;
  runtime: Runtime;
  database: OpenDatabase;
  sync: SyncServer;
  realtime: RealtimeServer;
  /** The demo made at this start, if any (empty database, demo enabled). */
  demo?: DemoSeed;
  /** This node's link to the others (REDIS_URL), if any. */
  cluster?: ClusterNode;
  /** Stops accepting connections, ends open ones, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  // A trusted proxy appends the address it saw: the last entry. Earlier ones are the client's own claims.
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',').at(-1)!.trim();
  return req.socket.remoteAddress ?? 'unknown';
}

function localOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

/**
 * Starts Plenary with `config`: database, auth, Next.js, one HTTP server.
 * Used by the command line below and by the integration tests (port 0).
 */
export async function startServer(config: Config): Promise<RunningServer> {
  configureLogger(config);
  const database = await openDatabase(config);
  let httpServer: Server | undefined;
  let cluster: ClusterNode | undefined;
  try {
    const app = next({ dev: config.dev, dir: PROJECT_ROOT, hostname: 'localhost', port: config.port || undefined });
    await app.prepare();
    const handle = app.getRequestHandler();
    const ops = createOpsEndpoints({ metricsToken: config.metricsToken });
    const logRequest = createRequestLog({ clientAddress: (req) => clientAddress(req, config.trustProxy) });

    httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
      // First, so that probes get an id too (their access lines are at debug level).
      const reqId = logRequest(req, res);
      // Before Next and before auth: probes and scrapes must answer even while Next is busy.
      if (ops.handle(req, res)) return;
      // The auth rate limit keys on this header: never let a client choose it.
      req.headers[CLIENT_IP_HEADER] = clientAddress(req, config.trustProxy);
      handle(req, res).catch((error: unknown) => {
        logger().error({ err: error, reqId, method: req.method, url: req.url }, 'unhandled error in the request handler');
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    let sync: SyncServer | undefined;
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url?.startsWith('/yjs/') && sync) return sync.handleUpgrade(req, socket, head);
      if (req.url?.startsWith(`${REALTIME_PATH}/`)) return; // socket.io's own upgrade listener takes it.
      // Next's dev server attaches its own HMR upgrade listener; in production nothing else may upgrade.
      if (!config.dev) socket.destroy();
    });

    const server = httpServer;
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, () => {
        server.off('error', fail);
        done();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
    const trustedOrigins = [...new Set([publicUrl, ...localOrigins(port), ...config.trustedOrigins])];
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
    const secret = resolveAuthSecret(config.authSecret, config.dataDir);
    const auth = createAuth({
      db: database.db,
      baseUrl: publicUrl,
      secret,
      trustedOrigins,
      mailer,
      signInRateLimit: config.signInRateLimit,
    });
    const runtime: Runtime = { config, db: database.db, appendLog: database.appendLog, auth, mailer, publicUrl, trustedOrigins, secret };
    setRuntime(runtime);
    cluster = config.redisUrl ? joinCluster(config.redisUrl, config.nodeName, secret) : undefined;
    const syncServer = createSyncServer(runtime, cluster?.texts);
    await syncServer.warmUp();
    sync = syncServer;
    const realtime = createRealtimeServer(server, runtime, cluster?.clients);
    // Whatever any node published while its link was down is lost: read it back, check memberships again.
    const catchUp = createCatchUpScheduler(
      async () => (await Promise.all([syncServer.catchUp(), realtime.catchUp()])).every(Boolean),
      (error) => logger().error({ component: 'cluster', err: error }, 'catch-up failed; trying again'),
    );
    const stopCatchingUp = cluster?.onCatchUpNeeded(() => catchUp.request());
    // Made as soon as both servers exist, so that no commit goes uncounted.
    const metrics = createServerMetrics({
      syncConnections: () => syncServer.connectionCount,
      loadedDocuments: () => syncServer.registry.size,
      realtimeConnections: () => realtime.io.of('/').sockets.size,
      committer: syncServer.registry.committer,
    });
    const demo = config.demo ? await seedDemo(runtime) : undefined;
    // Decisions whose deadline passed while the server was down close now, once.
    const deadlines = watchDecisionDeadlines(database.db);
    await deadlines.check();
    // Every dependency a node needs before taking traffic gets a check here.
    const readiness = createReadinessProbe([databaseCheck(database.db), ...(cluster ? [cluster.readiness] : [])]);
    ops.serve({ readiness, metrics });

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        // First, so that a proxy still probing over an open connection stops sending traffic.
        ops.shutDown();
        // Time for a load balancer to see the 503 and send new connections elsewhere.
        if (config.shutdownDrainMs > 0) await new Promise((done) => setTimeout(done, config.shutdownDrainMs));
        metrics.stop();
        stopCatchingUp?.();
        catchUp.stop();
        const httpClosed = new Promise<void>((done) => server.close(() => done()));
        // Sync first: pending edits are stored before clients are told to go (1001).
        deadlines.stop();
        await syncServer.close();
        await realtime.close();
        server.closeAllConnections();
        await httpClosed;
        await app.close?.().catch(() => undefined);
        await cluster?.close();
        clearRuntime();
        await database.close();
      })());
    return { url: publicUrl, port, runtime, database, sync: syncServer, realtime, demo, cluster, close };
  } catch (error) {
    httpServer?.close();
    await cluster?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Ends a start that failed: the reason goes to the log, and also to stderr as
 * plain text, since whoever started the server is reading the terminal.
 */
function failToStart(message: string, error?: unknown): never {
  logger().fatal({ err: error }, message);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Runs the server as a command: configuration from the environment, stops on SIGTERM/SIGINT. */
export async function runFromCommandLine(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    // A configuration error names every bad variable; its stack would say nothing more.
    failToStart(error instanceof Error ? error.message : String(error), error instanceof ConfigError ? undefined : error);
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  let running: RunningServer;
  try {
    running = await startServer(config);
  } catch (error) {
    failToStart(`Plenary could not start: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  const store = running.database.kind === 'pglite' ? `embedded database in ${resolve(config.dataDir)}` : running.cluster ? `PostgreSQL, node ${running.cluster.name} of several (Redis)` : 'PostgreSQL';
  logger().info({ url: running.url, store }, 'server started');
  // Plain text on purpose: people read these lines, and scripts and tests look for "Plenary is serving <url>".
  console.log(`Plenary is serving ${running.url} (${store})`);
  if (running.demo) console.log(describeDemo(running.demo, running.url));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger().error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000 + config.shutdownDrainMs);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger().error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void runFromCommandLine();
}
