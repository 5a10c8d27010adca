import { notFound } from 'next/navigation';
import { isAppError } from '@/core/errors';

/**
 * Awaits a service call and turns its NOT_FOUND refusal into the not-found
 * page. Services answer NOT_FOUND to outsiders as well, so that a page never
 * reveals whether an assembly or proposal it does not show exists.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
