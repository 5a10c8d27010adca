import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getRuntime } from '../runtime';
import type { SessionUser } from './route';

/** The signed-in member for a server component, or `undefined`. */
export async function getPageUser(): Promise<SessionUser | undefined> {
  // Read the request headers first: it marks the page dynamic, so that the build
  // never prerenders it (at build time there is no runtime to wait for).
  const requestHeaders = await headers();
  const runtime = await getRuntime();
  const session = await runtime.auth.api.getSession({ headers: requestHeaders });
  return session
    ? { id: session.user.id, name: session.user.name, email: session.user.email, sessionId: session.session.id }
    : undefined;
}

/** The signed-in member, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
