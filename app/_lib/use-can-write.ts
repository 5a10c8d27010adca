'use client';

import { useEffect, useState } from 'react';
import { callApi } from './api-client';

/**
 * Whether the member may change the text: what the page was rendered with,
 * re-read from the API each time `recheck` changes. The sync server closes a
 * member's connections with 4503 when their role changes and reopens them
 * with the new rights; without this, a member made observer would keep an
 * editor whose edits the server drops.
 */
export function useCanWrite(proposalId: string, initial: boolean, recheck: number): boolean {
  const [canWrite, setCanWrite] = useState(initial);
  useEffect(() => {
    if (recheck === 0) return;
    let current = true;
    void callApi<{ canWrite: boolean }>(`/api/proposals/${proposalId}`, 'GET').then((result) => {
      if (current && result.ok) setCanWrite(result.data.canWrite);
    });
    return () => {
      current = false;
    };
  }, [proposalId, recheck]);
  return canWrite;
}
