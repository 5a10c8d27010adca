import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getRuntime } from '../runtime';
import type { SessionUser } from './route';

/** The signed-in member for a server component, or `undefined`. */
export async function getPageUser(): Promise<SessionUser | undefined> {
  const runtime = await getRuntime();
  const session = await runtime.auth.api.getSession({ headers: await headers() });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : undefined;
}

/** The signed-in member, or a redirect to sign-in that comes back to `returnTo` afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
