import { connection } from 'next/server';
import { cache } from 'react';
import { getPageUser, requirePageUser } from '@/server/http/page-user';
import type { SessionUser } from '@/server/http/route';
import { getRuntime } from '@/server/runtime';

/**
 * The signed-in member, looked up once per request: the header and the page
 * both need it, and each lookup costs the database two queries.
 */
export const currentUser = cache(async (): Promise<SessionUser | undefined> => {
  // Mark the page as per-request first: at build time there is no runtime, and
  // waiting for one would stall prerendering until it times out.
  await connection();
  return getPageUser();
});

/** The signed-in member, or a redirect to sign-in that returns to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  return requirePageUser(returnTo);
}

/** The database, from the runtime that the server started. */
export async function database() {
  await connection();
  return (await getRuntime()).db;
}
