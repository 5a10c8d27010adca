'use client';

import { useMemo, useState } from 'react';
import type { ProposalStatus } from '@/core/proposal-status';
import { callApi } from '@/app/_lib/api-client';
import { useLiveEvents } from '@/app/_lib/use-live-events';
import { StatusBadge } from '../badges';

const STATUS_EVENTS = ['proposal.status_changed'] as const;

/**
 * The proposal's status badge in the page's header, following the
 * proposal's room: the event names the new status; after a reconnection the
 * proposal is read again. Not a page refresh: a refresh that fails (offline)
 * makes Next load the whole page, which would drop unsaved edits.
 */
export function LiveStatusBadge({ proposalId, initial }: { proposalId: string; initial: ProposalStatus }) {
  const [status, setStatus] = useState(initial);
  const room = useMemo(() => ({ proposalId }), [proposalId]);
  useLiveEvents(
    room,
    STATUS_EVENTS,
    (event) => {
      if ('status' in event && event.status) setStatus(event.status);
    },
    {
      onReconnect: () =>
        void callApi<{ status: ProposalStatus }>(`/api/proposals/${proposalId}`, 'GET').then((result) => {
          if (result.ok) setStatus(result.data.status);
        }),
    },
  );
  return <StatusBadge status={status} />;
}
