'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { LOG_PAGE_SIZE, mergeNewestPage } from '@/app/_lib/log-page';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { LogSentence, type LogEntry } from './log-sentence';
import { useHydrated } from '@/app/_lib/use-hydrated';

interface AssemblyLogProps {
  assemblyId: string;
  initial: { entries: LogEntry[]; nextBefore: number | null };
}

/**
 * The assembly's log, newest first; older pages load on request with the API's
 * `nextBefore` cursor. When the server components re-render (a live update),
 * the fresh newest page joins what is shown.
 */
export function AssemblyLog({ assemblyId, initial }: AssemblyLogProps) {
  const t = useTranslations('log');
  const format = useFormatter();
  const { run, pending, error } = useApiAction();
  const hydrated = useHydrated();
  const [entries, setEntries] = useState(initial.entries);
  const [nextBefore, setNextBefore] = useState(initial.nextBefore);
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    const merged = mergeNewestPage({ entries, nextBefore }, initial);
    setEntries(merged.entries);
    setNextBefore(merged.nextBefore);
  }

  async function loadOlder() {
    if (nextBefore === null) return;
    const result = await run<AssemblyLogProps['initial']>(
      `/api/assemblies/${assemblyId}/log?before=${nextBefore}&limit=${LOG_PAGE_SIZE}`,
      'GET',
    );
    if (!result.ok) return;
    // Keyed by id: a page fetched twice (double click, slow network) must not repeat entries.
    setEntries((current) => {
      const seen = new Set(current.map((entry) => entry.id));
      return [...current, ...result.data.entries.filter((entry) => !seen.has(entry.id))];
    });
    setNextBefore(result.data.nextBefore);
  }

  if (entries.length === 0) return <p className={`${ui.card} text-stone-700`}>{t('empty')}</p>;
  return (
    <div className="space-y-4">
      <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
            <p className="break-words text-stone-900">
              <LogSentence entry={entry} />
            </p>
            <time dateTime={entry.createdAt} className="shrink-0 text-sm text-stone-600">
              {format.dateTime(new Date(entry.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </li>
        ))}
      </ol>
      <FormError message={error} />
      {nextBefore !== null ? (
        <button type="button" onClick={loadOlder} disabled={pending || !hydrated} className={ui.secondaryButton}>
          {pending ? t('loading') : t('loadOlder')}
        </button>
      ) : (
        <p className={ui.muted}>{t('end')}</p>
      )}
    </div>
  );
}
