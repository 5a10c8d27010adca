import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ProposalStatus } from '@/core/proposal-status';
import { ui } from '@/app/_lib/styles';
import { StatusBadge } from './badges';

/** A proposal as the list shows it. */
export interface ProposalSummary {
  id: string;
  title: string;
  status: ProposalStatus;
  authors: { id: string; name: string }[];
  lastActivityAt: string;
  /** Dissents standing on it, and how many of them are new to the reader (absent from older callers). */
  standingDissents?: number;
  newDissents?: number;
}

/**
 * An assembly's proposals, most recently active first, each with how many
 * dissents stand on it and how many are new to the reader (the assembly's
 * live frame re-renders this when they change), or a sentence saying there
 * are none.
 */
export async function ProposalList({ proposals, emptyText }: { proposals: ProposalSummary[]; emptyText: string }) {
  if (proposals.length === 0) return <p className={`${ui.card} text-stone-700`}>{emptyText}</p>;
  const [t, format] = await Promise.all([getTranslations('proposals'), getFormatter()]);
  const now = new Date();
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {proposals.map((proposal) => {
        const lastActivity = new Date(proposal.lastActivityAt);
        return (
          <li key={proposal.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <div className="min-w-0 space-y-1">
              <Link href={`/proposals/${proposal.id}`} className={`${ui.link} break-words`}>
                {proposal.title}
              </Link>
              <p className="text-sm text-stone-600">
                {t('by', { authors: format.list(proposal.authors.map((a) => a.name), { type: 'conjunction' }) })}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-2 text-sm text-stone-600 sm:flex-col sm:items-end">
              <StatusBadge status={proposal.status} />
              {proposal.standingDissents !== undefined ? (
                <span data-testid="proposal-dissents" className={proposal.newDissents ? 'font-medium text-teal-900' : undefined}>
                  {t('dissents', { standing: proposal.standingDissents, fresh: proposal.newDissents ?? 0 })}
                </span>
              ) : null}
              <span>
                {t('lastActivity')}{' '}
                <time dateTime={proposal.lastActivityAt} title={format.dateTime(lastActivity, { dateStyle: 'full', timeStyle: 'short' })}>
                  {format.relativeTime(lastActivity, now)}
                </time>
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
