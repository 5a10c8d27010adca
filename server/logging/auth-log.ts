import { logger, redactText } from './logger';

/** A level better-auth logs at (its "success" arrives as "info"). */
export type AuthLogLevel = 'debug' | 'info' | 'warn' | 'error';

function isErrorLike(value: unknown): value is Error {
  return value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value && 'message' in value);
}

/**
 * better-auth's `logger.log`: its lines through the process's logger, as
 * JSON with redaction. Left to itself, better-auth prints to the console,
 * and a failed session lookup prints the session token among the query's
 * parameters.
 */
export function logFromAuth(level: AuthLogLevel, message: string, ...args: unknown[]): void {
  const err = args.find(isErrorLike);
  const details = args.filter((arg) => arg !== err).map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
  logger()[level]({ component: 'auth', err, ...(details.length > 0 ? { details } : {}) }, redactText(message));
}
