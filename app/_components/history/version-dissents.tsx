'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { DissentView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';

/**
 * The dissents filed while a version was the latest one saved: title, who
 * filed it and when, and whether it still stands (in words), each linking
 * to its thread on the proposal page.
 */
export function VersionDissents({ proposalId, dissents, heading }: { proposalId: string; dissents: readonly DissentView[]; heading: string }) {
  const t = useTranslations('history.dissents');
  const format = useFormatter();
  return (
    <section className="space-y-2" aria-label={heading} data-testid="version-dissents">
      <h3 className="text-sm font-semibold text-stone-800">{heading}</h3>
      {dissents.length === 0 ? (
        <p className={ui.muted}>{t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {dissents.map((dissent) => (
            <li key={dissent.id} className="rounded-md border border-stone-200 bg-white p-2 text-sm">
              <Link href={`/proposals/${proposalId}#dissent-${dissent.id}`} className={`${ui.link} break-words`}>
                {dissent.title}
              </Link>
              <p className="text-stone-600">
                {t('filedBy', { name: dissent.author.name })}{' '}
                <time dateTime={dissent.createdAt}>{format.dateTime(new Date(dissent.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {' · '}
                <span className={dissent.state === 'withdrawn' ? 'italic' : 'font-medium text-stone-800'}>
                  {dissent.state === 'withdrawn' ? t('withdrawn') : t('standing')}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
