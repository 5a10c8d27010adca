import { getFormatter, getTranslations } from 'next-intl/server';
import type { RecordWithdrawnDissent } from '@/core/record';

/** The dissents withdrawn before the outcome, folded away: their titles, authors and when; their history stays in the ledger. */
export async function WithdrawnDissents({ dissents }: { dissents: readonly RecordWithdrawnDissent[] }) {
  if (dissents.length === 0) return null;
  const t = await getTranslations('record.withdrawn');
  const format = await getFormatter();
  return (
    <details className="rounded-md border border-stone-200 bg-white p-3" data-testid="withdrawn-dissents">
      <summary className="cursor-pointer font-medium text-stone-800">{t('summary', { count: dissents.length })}</summary>
      <ul className="mt-2 space-y-1 text-sm">
        {dissents.map((dissent) => (
          <li key={dissent.dissentId} className="break-words">
            <span className="font-medium">{dissent.title}</span>{' '}
            <span className="text-stone-600">
              {t('by', { name: dissent.author.name })}, {t('withdrawnAt')}{' '}
              <time dateTime={dissent.withdrawnAt}>{format.dateTime(new Date(dissent.withdrawnAt), { dateStyle: 'long' })}</time>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
