import { toErrorResponse } from '@/core/errors';
import { toAuthResponse } from '@/server/http/auth-response';
import { readJsonText } from '@/server/http/route';
import { getRuntime } from '@/server/runtime';

/** GET: better-auth's endpoints (session, reset-link redirect), with Plenary's error format. */
export async function GET(request: Request): Promise<Response> {
  const { auth } = await getRuntime();
  return toAuthResponse(await auth.handler(request));
}

/** POST: sign-up, sign-in, sign-out, passwords; bodies follow the API's rules (JSON, size cap). */
export async function POST(request: Request): Promise<Response> {
  const { auth } = await getRuntime();
  let body: string;
  try {
    body = await readJsonText(request);
  } catch (error) {
    const { status, body: errorBody } = toErrorResponse(error);
    return Response.json(errorBody, { status });
  }
  const forwarded = new Request(request.url, { method: 'POST', headers: request.headers, body });
  return toAuthResponse(await auth.handler(forwarded));
}
