import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ClosedRound } from '@/app/_lib/record-rounds';
import { ui } from '@/app/_lib/styles';

/** Every closed decision of the proposal, linking to its record; the one shown is marked in words instead. */
export async function RecordRounds({ proposalId, rounds, shownDecisionId }: { proposalId: string; rounds: readonly ClosedRound[]; shownDecisionId: string | null }) {
  // Nothing to list when the only closed decision is the one on the page.
  if (rounds.length === 0 || (rounds.length === 1 && rounds[0].decisionId === shownDecisionId)) return null;
  const t = await getTranslations('record.rounds');
  const format = await getFormatter();
  return (
    <nav aria-labelledby="record-rounds-title" className="space-y-2 record-no-print" data-testid="record-rounds">
      <h2 id="record-rounds-title" className={ui.sectionTitle}>
        {t('title')}
      </h2>
      <ol className="space-y-1 text-sm">
        {[...rounds].reverse().map((round) => {
          const label = t('item', {
            round: round.round,
            outcome: round.outcome ?? 'unknown',
            date: format.dateTime(new Date(round.closedAt), { dateStyle: 'long' }),
          });
          return (
            <li key={round.decisionId}>
              {round.decisionId === shownDecisionId ? (
                <span aria-current="page" className="font-medium">
                  {label} <span className="text-stone-600">({t('shown')})</span>
                </span>
              ) : (
                <Link href={`/proposals/${proposalId}/record?decisionId=${round.decisionId}`} className={ui.link}>
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
