import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Role } from '@/core/roles';
import { ui } from '@/app/_lib/styles';
import { RoleBadge } from './badges';
import { RevokeInvitationButton } from './revoke-invitation-button';

/** An invitation as the list shows it (never its token). */
export interface InvitationSummary {
  id: string;
  role: Role;
  createdBy: { id: string; name: string };
  expiresAt: string;
  maxUses: number;
  useCount: number;
  state: 'active' | 'revoked' | 'expired' | 'used-up';
}

const STATE_STYLE: Record<InvitationSummary['state'], string> = {
  active: 'text-teal-800',
  revoked: 'text-red-800',
  expired: 'text-stone-600',
  'used-up': 'text-stone-600',
};

/** One term of an invitation's description, its name above its value. */
function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-stone-600">{term}</dt>
      <dd className="break-words text-stone-900">{children}</dd>
    </div>
  );
}

interface InvitationListProps {
  assemblyId: string;
  invitations: InvitationSummary[];
  /** Who may revoke what: stewards any invitation, others their own. */
  viewer: { id: string; mayRevokeAny: boolean };
}

/** The assembly's invitations, newest first, with a Revoke button on those the viewer may revoke. */
export async function InvitationList({ assemblyId, invitations, viewer }: InvitationListProps) {
  const [t, tSentence, format] = await Promise.all([
    getTranslations('invitations'),
    getTranslations('rolesInSentence'),
    getFormatter(),
  ]);
  if (invitations.length === 0) return <p className={`${ui.card} text-stone-700`}>{t('list.empty')}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {invitations.map((invitation) => {
        const mayRevoke =
          invitation.state === 'active' && (viewer.mayRevokeAny || invitation.createdBy.id === viewer.id);
        return (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <dl className="grid flex-1 grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
              <Item term={t('list.role')}>
                <RoleBadge role={invitation.role} />
              </Item>
              <Item term={t('list.createdBy')}>{invitation.createdBy.name}</Item>
              <Item term={t('list.expires')}>
                <time dateTime={invitation.expiresAt}>
                  {format.dateTime(new Date(invitation.expiresAt), { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </Item>
              <Item term={t('list.uses')}>{t('list.usesOf', { count: invitation.useCount, max: invitation.maxUses })}</Item>
              <Item term={t('list.state')}>
                <span className={`font-medium ${STATE_STYLE[invitation.state]}`}>{t(`states.${invitation.state}`)}</span>
              </Item>
            </dl>
            {mayRevoke ? (
              <RevokeInvitationButton
                assemblyId={assemblyId}
                invitationId={invitation.id}
                label={t('revokeLabel', { role: tSentence(invitation.role), name: invitation.createdBy.name })}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
