import { useTranslations } from 'next-intl';
import type { ProposalStatus } from '@/core/proposal-status';
import type { Role } from '@/core/roles';

const BADGE = 'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset';

const STATUS_COLORS: Record<ProposalStatus, string> = {
  draft: 'bg-stone-100 text-stone-800 ring-stone-300',
  deliberation: 'bg-sky-50 text-sky-900 ring-sky-300',
  decision: 'bg-amber-50 text-amber-900 ring-amber-300',
  adopted: 'bg-teal-50 text-teal-900 ring-teal-300',
  rejected: 'bg-red-50 text-red-900 ring-red-300',
  withdrawn: 'bg-stone-100 text-stone-700 ring-stone-300',
};

/** A proposal's status as a coloured label (the colour repeats the word, never replaces it). */
export function StatusBadge({ status }: { status: ProposalStatus }) {
  const t = useTranslations('statuses');
  return <span className={`${BADGE} ${STATUS_COLORS[status]}`}>{t(status)}</span>;
}

const ROLE_COLORS: Record<Role, string> = {
  steward: 'bg-violet-50 text-violet-900 ring-violet-300',
  member: 'bg-stone-100 text-stone-800 ring-stone-300',
  observer: 'bg-white text-stone-700 ring-stone-300',
};

/** A member's role as a label. */
export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations('roles');
  return <span className={`${BADGE} ${ROLE_COLORS[role]}`}>{t(role)}</span>;
}
