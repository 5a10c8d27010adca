import { hostname } from 'node:os';
import { z } from 'zod';

/** Reads "true"/"1"/"yes" (any case) as true, anything else as false. */
const booleanFlag = z
  .string()
  .optional()
  .transform((value) => (value ? /^(1|true|yes|on)$/i.test(value.trim()) : false));

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

const origin = z.url({ protocol: /^https?$/ }).transform((value) => new URL(value).origin);

const environmentSchema = z.object({
  /** `development` serves Next in dev mode with hot reload; anything else serves the production build. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** TCP port to listen on; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** The address people use to reach Plenary; links in emails and the auth origin check use it. Defaults to http://localhost:PORT. */
  PUBLIC_URL: optionalString.pipe(origin.optional()),
  /** Further origins (comma-separated) that browsers may use, e.g. a LAN address. */
  TRUSTED_ORIGINS: optionalString.transform((value) =>
    value ? value.split(',').map((entry) => entry.trim()).filter(Boolean) : [],
  ).pipe(z.array(origin)),
  /** Folder of the embedded database (PGlite) and generated secrets. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection string; when set, PostgreSQL replaces the embedded database. */
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /**
   * PostgreSQL connection string used only to apply migrations, as the role that owns the
   * tables; DATABASE_URL may then name a login role that is merely a member of plenary_app.
   * Defaults to DATABASE_URL.
   */
  DATABASE_MIGRATION_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /**
   * Start on PostgreSQL even when DATABASE_URL's login role owns the record's tables or is a
   * superuser (it could leave plenary_app and disable the append-only triggers). Such a role
   * is always warned about; with NODE_ENV=production it is refused unless this is set.
   */
  ALLOW_OWNER_DATABASE_ROLE: booleanFlag,
  /** Secret that signs session cookies (at least 32 characters). Generated into DATA_DIR when unset. */
  AUTH_SECRET: optionalString.pipe(z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional()),
  /** SMTP server for password-reset mail (smtp://user:pass@host:port); when unset, links go to the server log. */
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().min(3).default('Plenary <no-reply@localhost>'),
  /** Trust X-Forwarded-For from a reverse proxy; otherwise the socket address identifies the client. */
  TRUST_PROXY: booleanFlag,
  /** Sign-in attempts allowed per client address within the window. */
  SIGN_IN_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(5),
  /** Length of the sign-in rate-limit window, in seconds. */
  SIGN_IN_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Largest websocket message the sync server accepts, in bytes (larger: closed with 4413). */
  SYNC_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  /** Largest stored size of one proposal's text (snapshot plus log), in bytes. */
  SYNC_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(4096).default(32 * 1024 * 1024),
  /** Most simultaneous connections to one proposal's text. */
  SYNC_MAX_CONNECTIONS_PER_DOCUMENT: z.coerce.number().int().min(1).default(500),
  /** Log rows after which a document's log is folded into its snapshot. */
  SYNC_COMPACT_EVERY: z.coerce.number().int().min(1).default(500),
  /** Seconds a document without connections stays loaded. */
  SYNC_IDLE_UNLOAD_SECONDS: z.coerce.number().min(0).default(30),
  /** Demo assembly on an empty database: `auto` (on unless NODE_ENV=production), `on` or `off`. */
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /**
   * Bearer token that /metrics requires (at least 16 characters). Unset: /metrics is open, and
   * should then be reachable only from a private network.
   */
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  /**
   * Redis connection string (redis://[:password@]host:port[/db]). When set, this server is one
   * node of several sharing DATABASE_URL: text updates, presence and live events travel
   * between nodes through Redis. Requires DATABASE_URL.
   */
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  /** Name of this node in logs and metrics; defaults to the host name and process id. */
  NODE_NAME: optionalString.pipe(z.string().max(100).optional()),
  /** Least severity written to the log: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Seconds between the start of a shutdown (when /readyz turns 503) and the closing of
   * connections, so that a load balancer stops sending new ones first.
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(60).default(0),
});

/** Plenary's validated configuration. */
export interface Config {
  /** Whether Next runs in development mode. */
  dev: boolean;
  /** Port to listen on (0: any free port). */
  port: number;
  /** Interface to bind. */
  host: string;
  /** Public origin, when configured; otherwise derived from the port once listening. */
  publicUrl?: string;
  /** Extra trusted browser origins. */
  trustedOrigins: string[];
  /** Data folder (embedded database, generated secret). */
  dataDir: string;
  /** PostgreSQL connection string, when PostgreSQL is used. */
  databaseUrl?: string;
  /** PostgreSQL connection string for migrations (the tables' owner), when it differs from {@link databaseUrl}. */
  databaseMigrationUrl?: string;
  /**
   * Whether the server may start (with a loud warning) when DATABASE_URL's login role owns the
   * tables or is a superuser: ALLOW_OWNER_DATABASE_ROLE, and always unless NODE_ENV=production
   * is set explicitly, so that trying Plenary on a local PostgreSQL still just works.
   */
  allowOwnerDatabaseRole: boolean;
  /** Session signing secret, when given explicitly. */
  authSecret?: string;
  /** SMTP URL, when mail is sent. */
  smtpUrl?: string;
  /** Sender of outgoing mail. */
  mailFrom: string;
  /** Whether X-Forwarded-For is trusted. */
  trustProxy: boolean;
  /** Sign-in rate limit: attempts per window per client address. */
  signInRateLimit: { max: number; windowSeconds: number };
  /** Limits and housekeeping of the sync server. */
  sync: SyncLimits;
  /** Whether an empty database gets the demo assembly and accounts. */
  demo: boolean;
  /** Bearer token /metrics requires, when set; otherwise /metrics is open. */
  metricsToken?: string;
  /** Redis connection string, when this server is one node of several. */
  redisUrl?: string;
  /** This node's name in logs and metrics. */
  nodeName: string;
  /** Least severity logged. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Milliseconds between readiness turning 503 and connections closing, on shutdown. */
  shutdownDrainMs: number;
}

/** Limits and housekeeping of the sync server. */
export interface SyncLimits {
  /** Largest accepted message, in bytes. */
  maxMessageBytes: number;
  /** Largest stored text of one proposal, in bytes. */
  maxDocumentBytes: number;
  /** Most connections to one document. */
  maxConnectionsPerDocument: number;
  /** Log rows that trigger a compaction. */
  compactEvery: number;
  /** Milliseconds an unused document stays loaded. */
  idleUnloadMs: number;
}

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment and returns the configuration, or throws a
 * {@link ConfigError} naming every bad variable, so that a misconfigured
 * server stops at start rather than failing later.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) {
    // Migrating a PostgreSQL database the server would then not use is surely a mistake.
    throw new ConfigError('Invalid configuration:\n  DATABASE_MIGRATION_URL: needs DATABASE_URL to be set as well');
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // Nodes share their state through PostgreSQL; an embedded database belongs to one process.
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: several nodes need a shared PostgreSQL database; set DATABASE_URL too (the embedded database serves one process only)',
    );
  }
  if (e.REDIS_URL && !e.AUTH_SECRET) {
    // A secret generated per node would make each node refuse the others' sessions and sync tokens.
    throw new ConfigError('Invalid configuration:\n  AUTH_SECRET: several nodes (REDIS_URL) must share one AUTH_SECRET; set the same value on every node');
  }
  // NODE_ENV defaults to production for the server, but only an explicit production setting turns the demo off.
  const demo = e.DEMO === 'on' || (e.DEMO === 'auto' && env.NODE_ENV !== 'production');
  return {
    dev: e.NODE_ENV === 'development',
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    trustedOrigins: e.TRUSTED_ORIGINS,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    // Like the demo: only an explicit production setting makes the check strict.
    allowOwnerDatabaseRole: e.ALLOW_OWNER_DATABASE_ROLE || env.NODE_ENV !== 'production',
    authSecret: e.AUTH_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    signInRateLimit: { max: e.SIGN_IN_RATE_LIMIT_MAX, windowSeconds: e.SIGN_IN_RATE_LIMIT_WINDOW_SECONDS },
    sync: {
      maxMessageBytes: e.SYNC_MAX_MESSAGE_BYTES,
      maxDocumentBytes: e.SYNC_MAX_DOCUMENT_BYTES,
      maxConnectionsPerDocument: e.SYNC_MAX_CONNECTIONS_PER_DOCUMENT,
      compactEvery: e.SYNC_COMPACT_EVERY,
      idleUnloadMs: e.SYNC_IDLE_UNLOAD_SECONDS * 1000,
    },
    demo,
    metricsToken: e.METRICS_TOKEN,
    redisUrl: e.REDIS_URL,
    nodeName: e.NODE_NAME ?? `${hostname()}-${process.pid}`,
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_SECONDS * 1000,
  };
}
