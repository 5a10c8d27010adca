'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import type { DissentList } from '@/core/dissent-views';
import { useFetched } from '@/app/_components/dissents/use-fetched';
import { ui } from '@/app/_lib/styles';
import { useLiveEvents } from '@/app/_lib/use-live-events';
import { defaultPair, dissentsByVersion } from '@/app/_lib/version-dissents';
import { SaveVersionForm } from './save-version-form';
import { VersionCompare } from './version-compare';
import { VersionList } from './version-list';
import type { VersionSummary } from './version-types';
import './history.css';

/** Events after which the page re-reads: a version saved, or a dissent filed, changed or withdrawn. */
const REREAD_ON = ['version.saved', 'dissent.filed', 'dissent.revised', 'dissent.withdrawn'] as const;

/**
 * A proposal's versions: the list, a comparison of any two (the two latest
 * until the member picks others) with the dissents filed against each, and
 * for writers a form to save a named version. Re-reads when a version is
 * saved anywhere, and after a reconnection.
 */
export function VersionHistory({ proposalId, canWrite }: { proposalId: string; canWrite: boolean }) {
  const t = useTranslations('history');
  const [reads, setReads] = useState(0);
  const reread = () => setReads((n) => n + 1);
  const versions = useFetched<{ versions: VersionSummary[] }>(`/api/proposals/${proposalId}/versions`, reads);
  const dissents = useFetched<DissentList>(`/api/proposals/${proposalId}/dissents`, reads);
  useLiveEvents({ proposalId }, REREAD_ON, reread, { onReconnect: reread });
  // Null until the member picks a pair: then the defaults follow newly saved versions.
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);

  const list = useMemo(() => versions.data?.versions ?? [], [versions.data]);
  const known = new Set(list.map((version) => version.id));
  const pair = chosen && known.has(chosen.from) && known.has(chosen.to) ? chosen : defaultPair(list);
  const byVersion = useMemo(
    () => (dissents.data ? dissentsByVersion(list, dissents.data.dissents).byVersion : null),
    [list, dissents.data],
  );

  const compareWithLatest = (versionId: string) => {
    const latest = list.at(-1);
    if (latest) setChosen({ from: versionId, to: latest.id });
  };

  let body: ReactNode;
  if (versions.error && !versions.data) {
    body = (
      <div className={`${ui.card} space-y-2`} role="alert">
        <p className="text-sm text-red-900">{t('loadFailed')}</p>
        <button type="button" className={ui.smallButton} onClick={versions.retry}>
          {t('retry')}
        </button>
      </div>
    );
  } else if (!versions.data) {
    body = (
      <p className={ui.muted} role="status">
        {t('loading')}
      </p>
    );
  } else if (list.length === 0 || !pair) {
    body = (
      <div className={`${ui.card} space-y-1`} data-testid="history-empty">
        <p className="font-medium text-stone-900">{t('emptyTitle')}</p>
        <p className={ui.muted}>{canWrite ? t('emptyWriter') : t('emptyReader')}</p>
      </div>
    );
  } else {
    body = (
      <>
        <VersionCompare proposalId={proposalId} versions={list} pair={pair} onPairChange={setChosen} dissents={byVersion} />
        {dissents.error ? (
          <div className="space-y-1" role="alert">
            <p className="text-sm text-red-900">{t('dissentsFailed')}</p>
            <button type="button" className={ui.smallButton} onClick={dissents.retry}>
              {t('retry')}
            </button>
          </div>
        ) : null}
        <section className="space-y-3" aria-labelledby="history-versions-title">
          <h2 id="history-versions-title" className={ui.sectionTitle}>
            {t('listTitle', { count: list.length })}
          </h2>
          <VersionList versions={list} pair={pair} onCompareWithLatest={compareWithLatest} />
        </section>
      </>
    );
  }

  return (
    <div className="space-y-6">
      {body}
      {canWrite ? <SaveVersionForm proposalId={proposalId} onSaved={reread} /> : null}
    </div>
  );
}
