import type { ErrorCode } from '../../core/errors';
import { isRefusalReason, REFUSALS } from '../../core/refusals';

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
 * Plenary's `{ error: { code, message, reason } }`, keeping the status (but
 * 409 for a taken email, 400 for the library's 422), so that every endpoint of
 * the API fails the same way. Known codes get Plenary's wording and a reason
 * the interface can translate. Success answers pass unchanged.
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
  const reason = isRefusalReason(code) ? code : undefined;
  let message = reason ? REFUSALS[reason].message : typeof payload.message === 'string' && payload.message ? payload.message : 'The request was refused.';
  const retryAfter = response.headers.get('x-retry-after');
  if (code === 'RATE_LIMITED' && retryAfter) message = `Too many attempts from this address. Try again in ${retryAfter} seconds.`;
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Response(JSON.stringify({ error: reason ? { code, message, reason } : { code, message } }), { status, headers });
}
