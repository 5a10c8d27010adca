/**
 * The process's logger: one JSON object per line on stdout (pino), with
 * secrets redacted before anything is written.
 *
 * Route handlers run in Next's bundles, which each load their own copy of
 * this module, while the custom server loads it from source: the logger
 * therefore lives on `globalThis`, so every copy writes through the one
 * configured by `server/main.ts`.
 */
import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger, type SerializedError } from 'pino';
import type { Config } from '../config';

export type { Logger };

/** The header that carries a request's id, in both directions (set on the request before Next sees it). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

/** The settings of a logger that come from the configuration. */
export type LoggerSettings = Pick<Config, 'logLevel' | 'nodeName'>;

const LEVELS = new Set<string>(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Keys whose values never reach the log. pino's redaction works on paths,
 * not on substrings: each key is redacted at the top level of a log call's
 * object and one or two levels below it (`headers.cookie`, `req.headers.cookie`).
 */
const SECRET_KEYS = [
  'token',
  'password',
  'newPassword',
  'currentPassword',
  'secret',
  'authSecret',
  'metricsToken',
  'databaseUrl',
  'databaseMigrationUrl',
  'connectionString',
  'redisUrl',
  'smtpUrl',
  'cookie',
  'authorization',
  '["set-cookie"]',
  '["proxy-authorization"]',
];

const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const step = key.startsWith('[') ? key : `.${key}`;
  return [key.startsWith('[') ? key.slice(2, -2) : key, `*${step}`, `*.*${step}`];
});

/**
 * Paths whose next segment is a secret: invitation links (the page and the
 * API) and better-auth's password-reset link. Whoever holds one of these
 * URLs can join an assembly or take over an account.
 */
const SECRET_PATH_SEGMENTS = [/^(\/join\/)[^/?#]+/i, /^(\/(?:api\/)?invitations\/)[^/?#]+/i, /^(\/api\/auth\/reset-password\/)[^/?#]+/i];

/** Query parameters whose value is a secret (`/yjs/<id>?token=`, `/reset-password?token=`). */
const SECRET_PARAM = /token|secret|passw(or)?d|api[-_]?key|signature/i;

/** `scheme://user:password@`: the password of a connection string or URL. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s@/?#]*@/gi;

/** `token=...` and the like anywhere in a text (an error message quoting a URL). */
const SECRET_ASSIGNMENT = /((?:^|[?&\s])[^\s=&#?]*(?:token|secret|passw(?:or)?d)[^\s=&#?]*=)[^\s&#"']+/gi;

function decodeOrSelf(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function redactPath(path: string): string {
  for (const pattern of SECRET_PATH_SEGMENTS) {
    if (pattern.test(path)) return path.replace(pattern, `$1${REDACTED}`);
  }
  return path;
}

function redactParam(pair: string): string {
  const equals = pair.indexOf('=');
  if (equals < 0) return pair;
  const key = pair.slice(0, equals);
  if (SECRET_PARAM.test(decodeOrSelf(key))) return `${key}=${REDACTED}`;
  // A value can carry a whole link (`/sign-in?next=/join/<token>`): if it holds a secret, it all goes.
  const value = decodeOrSelf(pair.slice(equals + 1));
  return redactUrl(value) === value ? pair : `${key}=${REDACTED}`;
}

/**
 * A URL (a request's path and query, or an absolute URL) fit for the log:
 * the password of its credentials, secret query parameters and the secret
 * segment of invitation and reset paths become `[redacted]`; the rest is
 * kept as it was written.
 */
export function redactUrl(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
  const rest = url.slice(origin.length);
  const queryAt = rest.search(/[?#]/);
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  let tail = queryAt < 0 ? '' : rest.slice(queryAt);
  if (tail.startsWith('?')) {
    const hashAt = tail.indexOf('#');
    const query = hashAt < 0 ? tail.slice(1) : tail.slice(1, hashAt);
    tail = `?${query.split('&').map(redactParam).join('&')}${hashAt < 0 ? '' : tail.slice(hashAt)}`;
  }
  return `${origin.replace(URL_CREDENTIALS, `$1${REDACTED}@`)}${redactPath(path)}${tail}`;
}

/**
 * A failed query's parameters, as drizzle writes them into its error's
 * message: they can hold a session token or whatever a member wrote.
 */
const QUERY_PARAMS = /(\nparams: )[^\n]*/g;

/** Free text (an error's message or stack) with URL passwords, `token=` values and query parameters redacted. */
export function redactText(text: string): string {
  return text
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(QUERY_PARAMS, `$1${REDACTED}`);
}

/** Longest text of a logged error kept whole: a message can quote a whole request or statement. */
const MAX_ERROR_TEXT = 4000;
/** Longest failed query kept: enough to name the statement, not the data written inline. */
const MAX_QUERY_TEXT = 200;

/** `text` cut to `max` characters, saying how much was left out. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}

/** How deep into an error's own fields strings are redacted (a library's error can nest a response body). */
const ERROR_FIELD_DEPTH = 4;

/**
 * A copy of `value` with every string passed through {@link redactText}:
 * plain objects, arrays and serialized errors are walked (copied, since the
 * serializer shares them with the error being logged), anything else is kept.
 */
function redactStrings(value: unknown, depth: number, errorProto: object): unknown {
  if (typeof value === 'string') return truncate(redactText(value), MAX_ERROR_TEXT);
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, depth - 1, errorProto));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== errorProto) return value;
  const copy = Object.create(proto) as Record<string, unknown>;
  for (const [key, field] of Object.entries(value)) {
    // drizzle's DrizzleQueryError keeps a failed query's parameters as a field too.
    if (key === 'params') copy[key] = REDACTED;
    // A failed query's text: on PGlite the update log's append carries the edits inline, as hex.
    else if (key === 'query' && typeof field === 'string') copy[key] = truncate(redactText(field), MAX_QUERY_TEXT);
    else copy[key] = redactStrings(field, depth - 1, errorProto);
  }
  return copy;
}

/**
 * pino's error serializer (type, message, stack, causes, own fields), with
 * secrets taken out of every text in it: better-auth's APIError, for one,
 * repeats a failed query (and its parameters) in a `body` field.
 */
function serializeError(error: unknown): SerializedError | unknown {
  const serialized = pino.stdSerializers.err(error as Error);
  if (!serialized || typeof serialized !== 'object' || !('message' in serialized)) return serialized;
  return redactStrings(serialized, ERROR_FIELD_DEPTH, Object.getPrototypeOf(serialized) as object);
}

/** A request logged by hand (not the access log, which has its own): what identifies it, never its headers. */
function serializeRequest(request: unknown): unknown {
  if (!request || typeof request !== 'object') return request;
  const { method, url, headers } = request as { method?: string; url?: string; headers?: unknown };
  const id = headers instanceof Headers ? headers.get(REQUEST_ID_HEADER) : (headers as Record<string, unknown> | undefined)?.[REQUEST_ID_HEADER];
  return { method, url: typeof url === 'string' ? redactUrl(url) : url, ...(id ? { id } : {}) };
}

/**
 * Serializers by key: whatever a call passes as `err`/`error`, `url`, `req`
 * is written in its safe form, so that callers need not remember to.
 */
const SERIALIZERS = {
  err: serializeError,
  error: serializeError,
  url: (url: unknown) => (typeof url === 'string' ? redactUrl(url) : url),
  req: serializeRequest,
};

function levelFromEnvironment(): LoggerSettings['logLevel'] {
  const level = process.env.LOG_LEVEL?.trim();
  return level && LEVELS.has(level) ? (level as LoggerSettings['logLevel']) : 'info';
}

function defaultSettings(): LoggerSettings {
  // The same default node name as server/config.ts, for lines written before the configuration is read.
  return { logLevel: levelFromEnvironment(), nodeName: process.env.NODE_NAME?.trim() || `${hostname()}-${process.pid}` };
}

/**
 * Makes a logger with Plenary's fields, redaction and serializers, writing
 * to `destination`. Prefer {@link logger}; this exists for tests, which
 * read what a logger writes.
 */
export function createLogger(settings: LoggerSettings, destination: DestinationStream): Logger {
  return pino(
    {
      level: settings.logLevel,
      base: { pid: process.pid, node: settings.nodeName },
      // Names rather than numbers, and ISO times: read by people as often as by collectors.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: SERIALIZERS,
    },
    destination,
  );
}

interface LoggerSlot {
  logger: Logger;
  stdout: DestinationStream;
}

const KEY = Symbol.for('plenary.logger');

function slot(): LoggerSlot {
  const holder = globalThis as unknown as Record<symbol, LoggerSlot | undefined>;
  let current = holder[KEY];
  if (!current) {
    // Synchronous writes: a line logged just before a crash or process.exit() is not lost in a buffer.
    const stdout = pino.destination({ dest: 1, sync: true });
    current = { stdout, logger: createLogger(defaultSettings(), stdout) };
    holder[KEY] = current;
  }
  return current;
}

/**
 * The process's logger. Before {@link configureLogger} runs it logs at
 * `LOG_LEVEL` from the environment (else `info`). Call it when logging
 * rather than keeping what it returns: configuring replaces the logger.
 */
export function logger(): Logger {
  return slot().logger;
}

/** Sets the level and node name from the configuration, for every bundle of this process. */
export function configureLogger(config: LoggerSettings): Logger {
  const current = slot();
  current.logger = createLogger({ logLevel: config.logLevel, nodeName: config.nodeName }, current.stdout);
  return current.logger;
}
