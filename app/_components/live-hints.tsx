'use client';

import { useTranslations } from 'next-intl';
import { ROLES, type Role } from '@/core/roles';
import { useLiveEvents } from '@/app/_lib/use-live-events';
import { LiveStatus, useAnnouncement } from './live-status';

/** The role in a sentence ("is now observer"), or a neutral phrase for a role this version does not know. */
function useRoleInSentence(): (role: Role) => string {
  const tRoles = useTranslations('rolesInSentence');
  const tCommon = useTranslations('common');
  return (role) => ((ROLES as readonly string[]).includes(role) ? tRoles(role) : tCommon('unknownRole'));
}

/** Above an assembly's proposals: announces the ones others start. */
export function ProposalsLiveStatus({ assemblyId }: { assemblyId: string }) {
  const t = useTranslations('live');
  const { message, announce } = useAnnouncement();
  useLiveEvents({ assemblyId }, ['proposal.created'], (event) => {
    if (event.type === 'proposal.created') announce(t('newProposal', { title: event.title }));
  });
  return <LiveStatus message={message} />;
}

const MEMBER_EVENTS = ['member.joined', 'member.left', 'member.removed', 'member.role_changed'] as const;

/**
 * Above an assembly's members: announces who joined, left, was removed or
 * changed role. Events carry ids; `names` are the members the page shows.
 */
export function MembersLiveStatus({ assemblyId, userId, names }: { assemblyId: string; userId: string; names: Record<string, string> }) {
  const t = useTranslations('live');
  const role = useRoleInSentence();
  const { message, announce } = useAnnouncement();
  useLiveEvents({ assemblyId }, MEMBER_EVENTS, (event) => {
    const name = 'userId' in event ? (names[event.userId] ?? t('aMember')) : t('aMember');
    switch (event.type) {
      case 'member.joined':
        announce(t('memberJoined', { role: role(event.role) }));
        break;
      case 'member.left':
        announce(t('memberLeft', { name }));
        break;
      case 'member.removed':
        announce(t('memberRemoved', { name }));
        break;
      case 'member.role_changed':
        announce(event.userId === userId ? t('yourRoleChanged', { role: role(event.role) }) : t('memberRoleChanged', { name, role: role(event.role) }));
        break;
    }
  });
  return <LiveStatus message={message} />;
}

/** Above an assembly's log: says when new entries arrived. */
export function LogLiveStatus({ assemblyId }: { assemblyId: string }) {
  const t = useTranslations('live');
  const { message, announce } = useAnnouncement();
  useLiveEvents({ assemblyId }, [...MEMBER_EVENTS, 'proposal.created'], () => announce(t('logUpdated')));
  return <LiveStatus message={message} />;
}
