'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ui } from '@/app/_lib/styles';
import { SHORT_HASH, type VersionSummary } from './version-types';

interface VersionListProps {
  versions: readonly VersionSummary[];
  /** The pair being compared, to mark them in the list. */
  pair: { from: string; to: string } | null;
  /** Compare this version with the latest one. */
  onCompareWithLatest: (versionId: string) => void;
}

/**
 * Every version of the proposal, newest first: its name, whether a member
 * named it or a decision froze it, who saved it and when, and the start of
 * its text hash (the whole hash in the title). The two being compared are
 * marked in words.
 */
export function VersionList({ versions, pair, onCompareWithLatest }: VersionListProps) {
  const t = useTranslations('history');
  const format = useFormatter();
  const newestFirst = [...versions].reverse();
  const latest = newestFirst[0];
  return (
    <ol className="space-y-2" data-testid="version-list">
      {newestFirst.map((version) => {
        const role = pair?.from === version.id && pair.to === version.id ? 'both' : pair?.from === version.id ? 'from' : pair?.to === version.id ? 'to' : null;
        return (
          <li key={version.id} className={`rounded-md border p-3 ${role ? 'border-teal-700 bg-teal-50' : 'border-stone-200 bg-white'}`} data-testid="version">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className="font-medium break-words text-stone-900">{version.name}</p>
              <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">
                {version.kind === 'decision' ? t('kindDecision', { round: version.round }) : t('kindNamed')}
              </span>
            </div>
            <p className="mt-1 text-sm text-stone-600">
              {t('savedBy', { name: version.createdBy.name })}{' '}
              <time dateTime={version.createdAt}>{format.dateTime(new Date(version.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
              {' · '}
              <span>{t('hash')}</span>{' '}
              <code title={version.textHash} aria-label={t('hashLabel', { hash: version.textHash })} className="font-mono text-xs text-stone-800">
                {version.textHash.slice(0, SHORT_HASH)}
              </code>
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              {role ? <span className="text-sm font-medium text-teal-900">{t(`compared.${role}`)}</span> : null}
              {latest && version.id !== latest.id ? (
                <button type="button" className={ui.smallButton} onClick={() => onCompareWithLatest(version.id)}>
                  {t('compareWithLatest')}
                  <span className="sr-only"> ({version.name})</span>
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
