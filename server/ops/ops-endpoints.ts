import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../core/errors';
import { logger } from '../logging/logger';
import type { ServerMetrics } from './metrics';
import type { ReadinessReport } from './readiness';

/** The operations paths, answered by the composition root before Next and before any auth. */
export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

/** What the endpoints serve once the server has started. */
export interface OpsServices {
  /** Runs the readiness checks. */
  readiness(): Promise<ReadinessReport>;
  metrics: ServerMetrics;
}

/** /healthz, /readyz and /metrics of one server. */
export interface OpsEndpoints {
  /** Answers `req` when it is for an operations path (returns true); otherwise leaves it alone. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Called once everything is started: readiness and metrics become available. */
  serve(services: OpsServices): void;
  /** Called when shutdown begins: /readyz answers 503 from now on, so that a proxy stops sending traffic. */
  shutDown(): void;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  // Probes and scrapes must always see the present state, never a cached one.
  res.writeHead(status, { 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(req, res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

function refusal(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * Creates the operations endpoints. They live outside Next so that they answer
 * while Next is busy and need no session: /healthz (the process is up),
 * /readyz (starting, ready, or shutting down, and each dependency's check),
 * /metrics (Prometheus text; with `metricsToken`, only for
 * `Authorization: Bearer <metricsToken>`).
 */
export function createOpsEndpoints(options: { metricsToken?: string }): OpsEndpoints {
  const expectedToken = options.metricsToken === undefined ? undefined : digest(options.metricsToken);
  let services: OpsServices | undefined;
  let shuttingDown = false;

  function authorized(req: IncomingMessage): boolean {
    if (!expectedToken) return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // Compared as digests: equal length for timingSafeEqual, and no timing hint about the token.
    return match !== null && timingSafeEqual(digest(match[1]), expectedToken);
  }

  async function ready(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (shuttingDown) return sendJson(req, res, 503, { status: 'shutting-down' });
    if (!services) return sendJson(req, res, 503, { status: 'starting' });
    const report = await services.readiness();
    // Shutdown may have begun while the checks ran.
    if (shuttingDown) return sendJson(req, res, 503, { status: 'shutting-down' });
    sendJson(req, res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not-ready', checks: report.checks });
  }

  async function metrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorized(req)) {
      return sendJson(req, res, 401, refusal('UNAUTHENTICATED', 'The metrics need Authorization: Bearer <METRICS_TOKEN>.'), {
        'www-authenticate': 'Bearer realm="metrics"',
      });
    }
    if (!services) return sendJson(req, res, 503, refusal('UNAVAILABLE', 'The server is still starting.'));
    const registry = services.metrics.registry;
    send(req, res, 200, await registry.metrics(), { 'content-type': registry.contentType });
  }

  return {
    handle(req, res) {
      const path = (req.url ?? '').split('?')[0];
      if (!(OPS_PATHS as readonly string[]).includes(path)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // The error table (core/errors.ts) has no code of its own for this; BAD_REQUEST is the nearest.
        sendJson(req, res, 405, refusal('BAD_REQUEST', `${path} answers GET and HEAD only.`), { allow: 'GET, HEAD' });
        return true;
      }
      if (path === '/healthz') {
        // Liveness only: answering at all is the check; a slow database must not get the process restarted.
        sendJson(req, res, 200, { status: 'ok' });
        return true;
      }
      (path === '/readyz' ? ready(req, res) : metrics(req, res)).catch((error: unknown) => {
        logger().error({ component: 'ops', path, err: error }, 'operations endpoint failed');
        if (!res.headersSent) sendJson(req, res, 500, refusal('INTERNAL', 'Something went wrong on the server.'));
      });
      return true;
    },
    serve(started) {
      services = started;
    },
    shutDown() {
      shuttingDown = true;
    },
  };
}
