'use client';

import { DISSENT_EVENT_TYPES } from '@/core/realtime-events';
import type { ApiFailure } from './api-client';
import type { DissentList } from '@/core/dissent-views';
import { useLiveResource, useProposalRoom } from './use-live-resource';

/** What the panel knows of a proposal's dissents. */
export interface DissentsState {
  /** The last list read; kept while a later read fails, so a hiccup does not blank the panel. */
  list: DissentList | null;
  loading: boolean;
  /** The last read's failure, cleared by the next success. */
  error: ApiFailure | null;
  /** Reads the list again now. */
  reload: () => void;
}

/**
 * A proposal's dissents, read from the API and read again on every dissent
 * or reply event of its room and after every reconnection.
 */
export function useDissents(proposalId: string): DissentsState {
  const { data, loading, error, reload } = useLiveResource<DissentList>(
    `/api/proposals/${proposalId}/dissents`,
    useProposalRoom(proposalId),
    DISSENT_EVENT_TYPES,
  );
  return { list: data, loading, error, reload };
}
