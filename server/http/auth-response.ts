import type { ErrorCode } from '../../core/errors';

/** Clearer words for the auth library's error codes people meet most. */
const MESSAGES: Record<string, string> = {
  USER_ALREADY_EXISTS: 'An account with this email already exists. Sign in instead, or reset your password.',
  INVALID_EMAIL_OR_PASSWORD: 'The email or password is wrong.',
  PASSWORD_TOO_SHORT: 'The password is too short: use at least 10 characters.',
  PASSWORD_TOO_LONG: 'The password is too long: use at most 128 characters.',
  INVALID_PASSWORD: 'The current password is wrong.',
  INVALID_TOKEN: 'This reset link is invalid or has expired. Ask for a new one.',
};

/** Codes answered with 409: the request is fine, the state of things refuses it. */
const CONFLICT_CODES = new Set(['USER_ALREADY_EXISTS']);

/** The library words one situation two ways; clients see one code for it. */
const CODE_ALIASES: Record<string, string> = {
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'USER_ALREADY_EXISTS',
  UNAUTHORIZED: 'UNAUTHENTICATED',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/**
 * Rewrites an error answer of the auth library (`{ code, message }`) into
 * Plenary's `{ error: { code, message } }`, keeping the status, so that every
 * endpoint of the API fails the same way. Success answers pass unchanged.
 */
export async function toAuthResponse(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  let payload: { code?: unknown; message?: unknown } = {};
  try {
    payload = (await response.clone().json()) as typeof payload;
  } catch {
    // Not JSON (or empty): fall back on the status alone.
  }
  const libraryCode =
    typeof payload.code === 'string' && payload.code ? payload.code : (STATUS_CODES[response.status] ?? 'INTERNAL');
  const code = CODE_ALIASES[libraryCode] ?? libraryCode;
  const status = CONFLICT_CODES.has(code) ? 409 : response.status === 422 ? 400 : response.status;
  const message =
    MESSAGES[code] ??
    (response.status === 429
      ? `Too many attempts from this address. Try again in ${response.headers.get('x-retry-after') ?? 'a few'} seconds.`
      : typeof payload.message === 'string' && payload.message
        ? payload.message
        : 'The request was refused.');
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Response(JSON.stringify({ error: { code, message } }), { status, headers });
}
