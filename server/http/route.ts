import type { z } from 'zod';
import { toErrorResponse } from '../../core/errors';
import { getRuntime, type Runtime } from '../runtime';
import { refuse } from '../../core/refusals';
import { logger, REQUEST_ID_HEADER } from '../logging/logger';

/** Largest JSON body accepted by the API, in bytes: room for a dissent at its character limits in any script (up to 4 bytes a character). */
export const MAX_JSON_BODY_BYTES = 128 * 1024;

/** The signed-in member making a request. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** The session making the request. */
  sessionId: string;
}

/** What a route's body receives. */
export interface RouteContext<Params, User = SessionUser> {
  request: Request;
  params: Params;
  runtime: Runtime;
  /** The signed-in member (possibly `undefined` in a {@link publicRoute}). */
  user: User;
}

interface RouteOptions {
  /** Status of a successful answer (default 200). */
  status?: number;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function checkOrigin(request: Request, runtime: Runtime): void {
  if (!MUTATING.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (!origin || !runtime.trustedOrigins.includes(origin)) {
    throw refuse('ORIGIN_REFUSED');
  }
}

async function readUser(request: Request, runtime: Runtime): Promise<SessionUser | undefined> {
  const session = await runtime.auth.api.getSession({ headers: request.headers });
  if (!session) return undefined;
  return { id: session.user.id, name: session.user.name, email: session.user.email, sessionId: session.session.id };
}

/**
 * Wraps a route handler body: checks the Origin of mutating requests, refuses
 * callers without a session (401), runs the body, and answers its result as
 * JSON, or any error as `{ error: { code, message } }` with the status of its
 * code. Every API route goes through here, so errors look the same everywhere.
 */
export function route<Params = Record<string, never>>(
  body: (context: RouteContext<Params>) => Promise<unknown>,
  options: RouteOptions = {},
) {
  return handle<Params>(async (context) => {
    if (!context.user) throw refuse('SIGN_IN_REQUIRED');
    return body(context as RouteContext<Params>);
  }, options);
}

/** Like {@link route}, for the few endpoints that also answer callers without a session. */
export function publicRoute<Params = Record<string, never>>(
  body: (context: RouteContext<Params, SessionUser | undefined>) => Promise<unknown>,
  options: RouteOptions = {},
) {
  return handle<Params>(body, options);
}

function handle<Params>(
  body: (context: RouteContext<Params, SessionUser | undefined>) => Promise<unknown>,
  options: RouteOptions,
) {
  return async (request: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    try {
      const runtime = await getRuntime();
      checkOrigin(request, runtime);
      const user = await readUser(request, runtime);
      const params = segment?.params ? await segment.params : ({} as Params);
      const result = await body({ request, params, runtime, user });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200 });
    } catch (error) {
      const { status, body: errorBody } = toErrorResponse(error);
      if (status >= 500) {
        // The request id (set by the composition root) ties this line to the request's access line.
        const reqId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
        logger().error({ err: error, reqId, method: request.method, url: new URL(request.url).pathname }, 'API request failed');
      }
      return Response.json(errorBody, { status });
    }
  };
}

/** Throws VALIDATION_FAILED listing every problem zod found, with the field paths. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw refuse('INVALID_INPUT', { message: `Invalid input: ${summary}`, details: { issues } });
}

/** Reads the text of a JSON request body, refusing other content types and bodies over the cap. */
export async function readJsonText(request: Request): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw refuse('NOT_JSON');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_JSON_BODY_BYTES) throw refuse('BODY_TOO_LARGE');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw refuse('BODY_TOO_LARGE');
  return text;
}

/** Reads a JSON request body (size-capped, content type checked) and validates it with `schema`. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await readJsonText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse('MALFORMED_JSON');
  }
  return parseWith(schema, value);
}
