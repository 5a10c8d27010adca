'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { DecisionView } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';
import { TallyView } from './tally-view';

interface DecisionClosedProps {
  proposalId: string;
  decision: DecisionView & { closing: NonNullable<DecisionView['closing']> };
  /** The proposal has moved on (reopened): the tally folds away under the outcome. */
  earlier: boolean;
}

/** A closed decision: its outcome, how and when it closed, the tally, and the record. */
export function DecisionClosed({ proposalId, decision, earlier }: DecisionClosedProps) {
  const t = useTranslations('round.closed');
  const format = useFormatter();
  const { closing } = decision;
  const tally = <TallyView tally={decision.tally} rule={decision.rule} open={false} />;
  return (
    <div className="space-y-3" data-testid="decision-closed" data-outcome={closing.outcome}>
      <p className={`rounded-md border px-3 py-2 text-sm ${closing.outcome === 'adopted' ? 'border-teal-300 bg-teal-50 text-teal-950' : 'border-red-300 bg-red-50 text-red-950'}`}>
        <strong data-testid="decision-outcome">{t(`outcome.${closing.outcome}`, { round: decision.round })}</strong>{' '}
        {t(`how.${closing.reason}`, { at: format.dateTime(new Date(closing.closedAt), { dateStyle: 'long', timeStyle: 'short' }) })}
      </p>
      {earlier ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-stone-800">{t('showTally', { round: decision.round })}</summary>
          <div className="mt-2">{tally}</div>
        </details>
      ) : (
        tally
      )}
      <p>
        <Link href={`/proposals/${proposalId}/record`} className={ui.link} data-testid="record-link">
          {t('record', { round: decision.round })}
        </Link>
      </p>
    </div>
  );
}
