/**
 * Request ids and the access log of the HTTP server (pino-http): one line
 * per request when it ends, with its id, method, redacted URL, status,
 * duration and client address.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { logger, redactUrl, REQUEST_ID_HEADER, type Logger } from './logger';

export { REQUEST_ID_HEADER };

/**
 * What an incoming id may look like: a proxy's or client's id is kept so
 * that lines can be followed across systems, but only when it cannot break
 * a log line or smuggle anything into one.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Probes, scrapes and static files: logged at `debug`, or they would bury the requests people make. */
const QUIET_PATH = /^\/(?:healthz|readyz|metrics)(?:[?#]|$)|^\/_next\/static\//;

/** The incoming id when it is safe to keep, else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Logs one request's end and gives it an id; returns that id. */
export type RequestLog = (req: IncomingMessage, res: ServerResponse) => string;

/** How the access log learns the client's address (the composition root knows whether a proxy is trusted). */
export interface RequestLogOptions {
  clientAddress(req: IncomingMessage): string;
  /** Where the lines go; the process's {@link logger} unless given (tests give their own). */
  logger?: Logger;
}

/**
 * Makes the access log of one HTTP server, writing through the current
 * {@link logger} (make it after `configureLogger`). The returned function is
 * called first thing for every request: it settles the request's id, sets it
 * on the response's `x-request-id` header and on the request's own headers
 * (so Next's route handlers read the same id), and arranges the access line.
 */
export function createRequestLog(options: RequestLogOptions): RequestLog {
  const middleware = pinoHttp({
    logger: options.logger ?? logger(),
    genReqId(req, res) {
      const id = requestIdFor(req.headers[REQUEST_ID_HEADER]);
      req.headers[REQUEST_ID_HEADER] = id;
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // The id is bound to every line about the request; the request itself only to the access line.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'reqId', responseTime: 'durationMs' },
    customLogLevel(req, res, error) {
      if (QUIET_PATH.test(req.url ?? '')) return 'debug';
      return error || res.statusCode >= 500 ? 'error' : 'info';
    },
    // Only what identifies a request: its headers would carry cookies and tokens.
    serializers: {
      req: (req: { raw: IncomingMessage }) => ({
        method: req.raw.method,
        url: redactUrl(req.raw.url ?? ''),
        remoteAddress: options.clientAddress(req.raw),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // A 5xx comes with an error pino-http makes up ("failed with status code 500"), stack and all;
    // the real error was logged, with its request id, where it happened.
    customErrorObject: (_req, _res, _error, fields: Record<string, unknown>) => {
      const { err: _made, ...rest } = fields;
      return rest;
    },
    customErrorMessage: (_req, res) => (res.writableEnded ? 'request failed' : 'request aborted'),
  });
  return (req, res) => {
    middleware(req, res);
    return String(req.id);
  };
}
