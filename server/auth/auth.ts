import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { LIMITS, personNameSchema } from '../../core/schemas';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/database';
import { authSchema } from '../db/schema';
import { logFromAuth } from '../logging/auth-log';
import { publishSessionEnded } from '../realtime/event-bus';
import { CLIENT_IP_HEADER } from './client-ip';
import type { Mailer } from './mailer';

/**
 * Endpoints of the auth library that Plenary does not offer: changing the
 * email or deleting an account would orphan a member's words, and profile
 * updates are not validated yet.
 */
const DISABLED_PATHS = [
  '/update-user',
  '/change-email',
  '/delete-user',
  '/link-social',
  '/unlink-account',
  '/get-access-token',
  '/refresh-token',
  '/account-info',
  '/send-verification-email',
  '/verify-email',
  '/update-session',
];

/** Validates (and trims) the name given at sign-up, with the same rule as the sign-up form. */
const validateSignUp = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== '/sign-up/email') return;
  const parsed = personNameSchema.safeParse((ctx.body as { name?: unknown } | undefined)?.name);
  if (!parsed.success) {
    throw new APIError('BAD_REQUEST', { code: 'VALIDATION_FAILED', message: `Name: ${parsed.error.issues[0].message}` });
  }
  return { context: { ...ctx, body: { ...(ctx.body as object), name: parsed.data } } };
});

/** What the auth instance needs from the composition root. */
export interface AuthOptions {
  db: Db;
  baseUrl: string;
  secret: string;
  trustedOrigins: string[];
  mailer: Mailer;
  signInRateLimit: { max: number; windowSeconds: number };
}

/**
 * Builds the better-auth instance: email and password accounts, sessions in
 * the database with an httpOnly cookie, password reset by mail (or log), and a
 * per-address rate limit on sign-in that is on in every environment.
 */
export function createAuth(options: AuthOptions) {
  const { max, windowSeconds } = options.signInRateLimit;
  return betterAuth({
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    disabledPaths: DISABLED_PATHS,
    hooks: { before: validateSignUp },
    databaseHooks: {
      // Signing out (or a password reset revoking sessions) must also end that session's open sockets.
      session: { delete: { after: async (session) => publishSessionEnded({ sessionId: session.id, userId: session.userId }) } },
    },
    database: drizzleAdapter(options.db, { provider: 'pg', schema: authSchema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: LIMITS.passwordMin,
      maxPasswordLength: LIMITS.passwordMax,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      sendResetPassword: async ({ user, url }) => {
        await options.mailer.sendPasswordReset({ email: user.email, name: user.name }, url);
      },
    },
    rateLimit: {
      enabled: true,
      // In the database, not in this process: several nodes share one limit per client address.
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/*': { window: windowSeconds, max },
        '/sign-up/*': { window: windowSeconds, max: Math.max(max, 10) },
        '/request-password-reset': { window: windowSeconds, max },
        '/change-password': { window: windowSeconds, max },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // The library skips its Origin check when NODE_ENV is "test"; Plenary checks in every environment.
      disableOriginCheck: false,
    },
    telemetry: { enabled: false },
    // Through Plenary's JSON log, redacted: the library's own console lines can carry a session token.
    logger: { log: logFromAuth },
  });
}

/** The auth instance's type. */
export type Auth = ReturnType<typeof createAuth>;
