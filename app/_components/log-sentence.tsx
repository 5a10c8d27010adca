'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { AssemblyLogAction } from '@/core/assembly-log';
import { ROLES, type Role } from '@/core/roles';
import { ui } from '@/app/_lib/styles';

/** One entry of an assembly's log, as the API returns it. */
export interface LogEntry {
  id: number;
  action: AssemblyLogAction;
  details: unknown;
  actor: { id: string; name: string };
  subject: { id: string; name: string } | null;
  createdAt: string;
}

// Message keys cannot contain dots (next-intl reads them as nesting), hence this table.
const KEYS = {
  'assembly.created': 'assemblyCreated',
  'invitation.created': 'invitationCreated',
  'invitation.revoked': 'invitationRevoked',
  'member.joined': 'memberJoined',
  'member.left': 'memberLeft',
  'member.role_changed': 'memberRoleChanged',
  'member.removed': 'memberRemoved',
  'proposal.created': 'proposalCreated',
  'decision_settings.changed': 'decisionSettingsChanged',
} as const satisfies Record<AssemblyLogAction, string>;

function text(details: unknown, field: string): string {
  const value = (details as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : '';
}

function asRole(value: string): Role | undefined {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined;
}

/** The sentence that tells what a log entry records, in the reader's language ("Ann removed Bob."). */
export function LogSentence({ entry }: { entry: LogEntry }) {
  const t = useTranslations('log.actions');
  const tCommon = useTranslations('common');
  const tRole = useTranslations('rolesInSentence');
  const role = (field: string) => {
    const known = asRole(text(entry.details, field));
    return known ? tRole(known) : tCommon('unknownRole');
  };
  const values = {
    actor: entry.actor.name,
    subject: entry.subject?.name || tCommon('someone'),
    name: text(entry.details, 'name'),
    title: text(entry.details, 'title'),
    role: role('role'),
    from: role('from'),
    to: role('to'),
  };
  const proposalId = text(entry.details, 'proposalId');
  if (entry.action === 'proposal.created' && proposalId) {
    return (
      <>
        {t.rich('proposalCreated', {
          ...values,
          link: (chunks: ReactNode) => (
            <Link href={`/proposals/${proposalId}`} className={ui.link}>
              {chunks}
            </Link>
          ),
        })}
      </>
    );
  }
  const key = KEYS[entry.action] ?? 'unknown';
  return <>{t.rich(key, { ...values, link: (chunks: ReactNode) => chunks })}</>;
}
