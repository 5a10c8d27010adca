import { cache } from 'react';
import { idSchema } from '@/core/schemas';
import { notFound } from 'next/navigation';
import { getAssembly } from '@/server/services/get-assembly';
import { database } from './current-user';
import { orNotFound } from './or-not-found';

/** An id from the URL, or the not-found page when it could not be one (the API refuses it the same way). */
export function idOrNotFound(value: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * The assembly as `userId` sees it, once per request: the assembly layout and
 * the page inside it both need it (name, the member's role).
 */
export const loadAssembly = cache(async (userId: string, assemblyId: string) =>
  orNotFound(getAssembly(await database(), userId, idOrNotFound(assemblyId))),
);
