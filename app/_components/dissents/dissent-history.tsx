'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { DissentRevisionView, DissentView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';
import { RichText } from './rich-text';
import { useFetched } from './use-fetched';
import { WordDiff } from './word-diff';

/**
 * Every revision of a dissent, newest first, each with its full words and,
 * from the second on, the words that changed since the one before. Nothing
 * an author revises is lost: the earlier words stay readable here.
 */
export function DissentHistory({ dissentId, revision }: { dissentId: string; revision: number }) {
  const t = useTranslations('dissents.history');
  const format = useFormatter();
  const { data, error, retry } = useFetched<DissentView & { revisions: DissentRevisionView[] }>(`/api/dissents/${dissentId}`, revision);

  if (error && !data) {
    return (
      <div role="alert" className="space-y-2 text-sm text-red-900">
        <p>{t('error')}</p>
        <button type="button" className={ui.smallButton} onClick={retry}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (!data) return <p className={ui.muted}>{t('loading')}</p>;
  const revisions = [...data.revisions].sort((a, b) => a.revision - b.revision);
  return (
    <section aria-label={t('label', { title: data.title })} className="space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="dissent-history">
      <ol className="space-y-4" reversed>
        {revisions
          .map((entry, index) => ({ entry, previous: index > 0 ? revisions[index - 1] : null }))
          .reverse()
          .map(({ entry, previous }) => (
            <li key={entry.revision} className="space-y-2" data-testid="dissent-revision">
              <h4 className="text-sm font-semibold text-stone-900">
                {t('revision', { number: entry.revision })}
                {' · '}
                <time dateTime={entry.createdAt} className="font-normal text-stone-600">
                  {format.dateTime(new Date(entry.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </h4>
              <p className="font-medium break-words text-stone-900">{entry.title}</p>
              <RichText html={entry.bodyHtml} className="text-sm" />
              {entry.alternativeWording ? (
                <p className="text-sm text-stone-700">
                  <span className="font-medium">{t('alternative')}</span> {entry.alternativeWording}
                </p>
              ) : null}
              {previous ? (
                <details className="rounded-md border border-stone-200 bg-white p-2">
                  <summary className="cursor-pointer text-sm font-medium text-stone-800">{t('compare', { number: previous.revision })}</summary>
                  <div className="mt-2 space-y-2">
                    <ChangedField label={t('titleField')} before={previous.title} after={entry.title} unchanged={t('unchanged')} />
                    <ChangedField label={t('bodyField')} before={previous.body} after={entry.body} unchanged={t('unchanged')} />
                    <ChangedField
                      label={t('alternativeField')}
                      before={previous.alternativeWording ?? ''}
                      after={entry.alternativeWording ?? ''}
                      unchanged={t('unchanged')}
                    />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
      </ol>
    </section>
  );
}

function ChangedField({ label, before, after, unchanged }: { label: string; before: string; after: string; unchanged: string }) {
  if (!before && !after) return null;
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">{label}</p>
      {before === after ? <p className="text-sm text-stone-600">{unchanged}</p> : <WordDiff before={before} after={after} />}
    </div>
  );
}
