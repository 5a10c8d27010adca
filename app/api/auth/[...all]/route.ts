import { getRuntime } from '@/server/runtime';
import { toAuthResponse } from '@/server/http/auth-response';

/** better-auth's endpoints (sign-up, sign-in, sign-out, passwords), with Plenary's error format. */
async function handler(request: Request): Promise<Response> {
  const { auth } = await getRuntime();
  return toAuthResponse(await auth.handler(request));
}

export { handler as GET, handler as POST };
