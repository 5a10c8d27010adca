'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ASSEMBLY_EVENT_TYPES } from '@/core/realtime-events';
import { ROLES } from '@/core/roles';
import { useDebouncedRefresh, useLiveEvents } from '@/app/_lib/use-live-events';
import { LiveStatus, useAnnouncement } from './live-status';

// The list shows roles and member counts, not dissents: their counts' changes need no re-read here.
const LIST_EVENT_TYPES = ASSEMBLY_EVENT_TYPES.filter((type) => type !== 'proposal.dissents_changed');

interface LiveAssembliesProps {
  assemblies: { id: string; name: string }[];
  /** The signed-in member. */
  userId: string;
}

/**
 * Keeps the list of the member's assemblies current (roles, member counts,
 * an assembly they were removed from), re-reading it on every event of their
 * rooms and after a reconnection; announces changes that concern them.
 */
export function LiveAssemblies({ assemblies, userId }: LiveAssembliesProps) {
  const t = useTranslations('live');
  const tRoles = useTranslations('rolesInSentence');
  const { message, announce } = useAnnouncement();
  const { schedule } = useDebouncedRefresh();
  const rooms = useMemo(() => assemblies.map((assembly) => ({ assemblyId: assembly.id })), [assemblies]);
  const names = new Map(assemblies.map((assembly) => [assembly.id, assembly.name]));

  useLiveEvents(
    rooms,
    LIST_EVENT_TYPES,
    (event) => {
      schedule();
      const assembly = names.get(event.assemblyId) ?? '';
      if ((event.type === 'member.removed' || event.type === 'member.left') && event.userId === userId) {
        announce(t('noLongerIn', { assembly }));
      } else if (event.type === 'member.role_changed' && event.userId === userId && (ROLES as readonly string[]).includes(event.role)) {
        announce(t('yourRoleIn', { assembly, role: tRoles(event.role) }));
      }
    },
    // Refused: the membership ended while this page was away; re-reading drops the assembly.
    { onReconnect: schedule, onRefused: schedule },
  );

  return <LiveStatus message={message} />;
}
