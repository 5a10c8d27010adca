'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRoundClock } from '@/app/_lib/use-round-clock';

/**
 * When the decision closes: the date in full and how far away it is, the
 * latter kept current by a clock (every 15 s, so "in 1 minute" never lingers
 * long past its truth).
 */
export function Deadline({ deadline }: { deadline: string }) {
  const t = useTranslations('round.decision');
  const format = useFormatter();
  const now = useRoundClock();
  const at = new Date(deadline);
  const passed = now !== null && at.getTime() <= now.getTime();
  return (
    <p className="text-sm text-stone-800" data-testid="deadline">
      <span className="font-medium">{t('deadline')}</span>{' '}
      <time dateTime={deadline}>{format.dateTime(at, { dateStyle: 'long', timeStyle: 'short' })}</time>
      {now ? (
        <span className="text-stone-600">
          {' '}
          ({passed ? t('deadlinePassed') : format.relativeTime(at, now)})
        </span>
      ) : null}
    </p>
  );
}
