'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import type { DissentView } from '@/core/dissent-views';
import { useFetched } from '@/app/_components/dissents/use-fetched';
import { ui } from '@/app/_lib/styles';
import { diffVersions, versionPlainText, type VersionDiff } from '@/app/_lib/version-diff';
import { VersionDiffView } from './version-diff-view';
import { VersionDissents } from './version-dissents';
import type { VersionSummary, VersionWithText } from './version-types';

interface VersionCompareProps {
  proposalId: string;
  versions: readonly VersionSummary[];
  pair: { from: string; to: string };
  onPairChange: (pair: { from: string; to: string }) => void;
  /** Dissents per version id; null while the dissents are not read yet (or could not be). */
  dissents: Map<string, DissentView[]> | null;
}

type Diffed = { kind: 'loading' } | { kind: 'failed'; retry: () => void } | { kind: 'ready'; diff: VersionDiff };

/** Reads both versions' texts and compares them; a version whose text cannot be read is a failure with a retry. */
function useVersionDiff(from: string, to: string): Diffed {
  const before = useFetched<VersionWithText>(`/api/versions/${from}`, null);
  const after = useFetched<VersionWithText>(`/api/versions/${to}`, null);
  // A pair just changed still holds the previous answers until the new ones arrive.
  const beforeText = before.data?.id === from ? before.data.text : undefined;
  const afterText = after.data?.id === to ? after.data.text : undefined;
  const diff = useMemo(() => {
    if (beforeText === undefined || afterText === undefined) return undefined;
    try {
      return diffVersions(versionPlainText(beforeText), versionPlainText(afterText));
    } catch {
      return null;
    }
  }, [beforeText, afterText]);
  const { retry: retryBefore } = before;
  const { retry: retryAfter } = after;
  if (before.error || after.error || diff === null) {
    return {
      kind: 'failed',
      retry: () => {
        retryBefore();
        retryAfter();
      },
    };
  }
  return diff === undefined ? { kind: 'loading' } : { kind: 'ready', diff };
}

/**
 * Two versions side by side in time: a menu for each (the earlier and the
 * later one), the word-level diff between their texts, and under each the
 * dissents filed against it.
 */
export function VersionCompare({ proposalId, versions, pair, onPairChange, dissents }: VersionCompareProps) {
  const t = useTranslations('history');
  const fromId = useId();
  const toId = useId();
  const diffed = useVersionDiff(pair.from, pair.to);
  const byId = new Map(versions.map((version) => [version.id, version]));
  const newestFirst = [...versions].reverse();
  const options = newestFirst.map((version) => (
    <option key={version.id} value={version.id}>
      {version.name}
    </option>
  ));
  const side = (id: string, heading: string) => {
    const version = byId.get(id);
    if (!version) return null;
    return (
      <VersionDissents
        key={`${heading}-${id}`}
        proposalId={proposalId}
        heading={t('dissents.heading', { version: version.name })}
        dissents={dissents?.get(id) ?? []}
      />
    );
  };
  return (
    <section className={`${ui.card} space-y-4`} aria-labelledby={`${fromId}-title`} data-testid="version-compare">
      <h2 id={`${fromId}-title`} className={ui.sectionTitle}>
        {t('compareTitle')}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={fromId} className={ui.label}>
            {t('from')}
          </label>
          <select id={fromId} className={`${ui.input} mt-1`} value={pair.from} onChange={(event) => onPairChange({ ...pair, from: event.target.value })}>
            {options}
          </select>
        </div>
        <div>
          <label htmlFor={toId} className={ui.label}>
            {t('to')}
          </label>
          <select id={toId} className={`${ui.input} mt-1`} value={pair.to} onChange={(event) => onPairChange({ ...pair, to: event.target.value })}>
            {options}
          </select>
        </div>
      </div>
      {pair.from === pair.to ? <p className={ui.muted}>{t('sameVersion')}</p> : null}
      <div aria-live="polite" aria-busy={diffed.kind === 'loading'}>
        {diffed.kind === 'loading' ? <p className={ui.muted}>{t('loadingTexts')}</p> : null}
        {diffed.kind === 'failed' ? (
          <div className="space-y-2" role="alert">
            <p className="text-sm text-red-900">{t('textsFailed')}</p>
            <button type="button" className={ui.smallButton} onClick={diffed.retry}>
              {t('retry')}
            </button>
          </div>
        ) : null}
        {diffed.kind === 'ready' ? <VersionDiffView diff={diffed.diff} /> : null}
      </div>
      {dissents === null ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          {side(pair.from, 'from')}
          {pair.to !== pair.from ? side(pair.to, 'to') : null}
        </div>
      )}
    </section>
  );
}
