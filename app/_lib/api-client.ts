/** A refusal from the JSON API, as the server phrased it. */
export interface ApiFailure {
  code: string;
  message: string;
  /** The refusal's reason (core/refusals.ts), which the catalogs translate. */
  reason?: string;
}

/** The outcome of one API call: the decoded body, or the server's refusal. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** Code used when the server could not be reached or answered something unreadable. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * Calls the same-origin JSON API. Bodies are always JSON with an explicit
 * content type (the API refuses anything else), and every failure, including
 * a dropped connection, comes back as `{ ok: false, error }` rather than a throw,
 * so that forms have one path to show it.
 */
export async function callApi<T = unknown>(
  url: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST',
  body?: unknown,
): Promise<ApiResult<T>> {
  const sendsBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: sendsBody ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: sendsBody ? JSON.stringify(body ?? {}) : undefined,
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: NETWORK_ERROR, message: '' } };
  }
  const text = await response.text().catch(() => '');
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as { error?: Partial<ApiFailure> } | null)?.error;
  return {
    ok: false,
    error: {
      code: typeof error?.code === 'string' ? error.code : NETWORK_ERROR,
      message: typeof error?.message === 'string' ? error.message : '',
      reason: typeof error?.reason === 'string' ? error.reason : undefined,
    },
  };
}
