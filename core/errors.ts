/**
 * The one table of error kinds Plenary answers with, and how each kind is
 * presented on every channel: HTTP status, socket.io ack, websocket close code.
 * Services throw {@link AppError}; edges map it with the helpers below, so a
 * given refusal looks the same whichever path a client took.
 */

import { SYNC_CLOSE } from './sync-protocol';

/** Error codes and their HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

/** A machine-readable error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The websocket close code for each error code, in the sync endpoint's
 * vocabulary (core/sync-protocol.ts): 4400-4499 tell the stock client not to
 * retry; 4503 asks it to come back later.
 */
export const ERROR_CLOSE_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: SYNC_CLOSE.malformed,
  VALIDATION_FAILED: SYNC_CLOSE.malformed,
  UNAUTHENTICATED: SYNC_CLOSE.unauthenticated,
  // Outsiders are not told whether a proposal exists.
  FORBIDDEN: SYNC_CLOSE.forbidden,
  NOT_FOUND: SYNC_CLOSE.forbidden,
  CONFLICT: SYNC_CLOSE.frozen,
  GONE: SYNC_CLOSE.forbidden,
  PAYLOAD_TOO_LARGE: SYNC_CLOSE.tooLarge,
  UNSUPPORTED_MEDIA_TYPE: SYNC_CLOSE.malformed,
  RATE_LIMITED: SYNC_CLOSE.retryLater,
  INTERNAL: SYNC_CLOSE.retryLater,
  UNAVAILABLE: SYNC_CLOSE.retryLater,
};

/** An expected failure of a use case, with a code clients can act on and a message people can read. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Which refusal of core/refusals.ts this is, for clients that word it themselves. */
  readonly reason?: string;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; reason?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.reason = options.reason;
  }

  /** The HTTP status this error is answered with. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The JSON body of every error answer: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: string; message: string; reason?: string; details?: unknown };
}

/** True when `value` is an {@link AppError} (also across bundle boundaries, where `instanceof` fails). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AppError' &&
      typeof (value as { code?: unknown }).code === 'string' &&
      (value as { code: string }).code in ERROR_STATUS)
  );
}

/**
 * Turns anything thrown into the status and body clients see. Unknown errors
 * become a 500 whose message reveals nothing about the internals.
 */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.reason !== undefined) body.error.reason = error.reason;
    if (error.details !== undefined) body.error.details = error.details;
    return { status: ERROR_STATUS[error.code], body };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } },
  };
}

/** The socket.io acknowledgement for a failure: `{ ok: false, error }`. */
export function toAckError(error: unknown): { ok: false; error: ErrorBody['error'] } {
  return { ok: false, error: toErrorResponse(error).body.error };
}

/** The websocket close code and reason for a failure. */
export function toCloseCode(error: unknown): { code: number; reason: string } {
  if (isAppError(error)) return { code: ERROR_CLOSE_CODE[error.code], reason: error.message.slice(0, 120) };
  return { code: SYNC_CLOSE.retryLater, reason: 'internal error' };
}
