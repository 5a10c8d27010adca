'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ReplyRevisionView, ReplyView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';
import { RichText } from './rich-text';
import { useFetched } from './use-fetched';

/** Every version of a reply, newest first: what "edited" and "retracted" keep. */
export function ReplyHistory({ replyId, revision }: { replyId: string; revision: number }) {
  const t = useTranslations('dissents.replies');
  const format = useFormatter();
  const { data, error, retry } = useFetched<ReplyView & { revisions: ReplyRevisionView[] }>(`/api/replies/${replyId}`, revision);
  if (error && !data) {
    return (
      <div role="alert" className="space-y-1 text-sm text-red-900">
        <p>{t('historyError')}</p>
        <button type="button" className={ui.smallButton} onClick={retry}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (!data) return <p className={ui.muted}>{t('historyLoading')}</p>;
  const revisions = [...data.revisions].sort((a, b) => b.revision - a.revision);
  return (
    <ol className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-2" aria-label={t('historyLabel')} data-testid="reply-history">
      {revisions.map((entry) => (
        <li key={entry.revision} className="space-y-1">
          <p className="text-xs font-semibold text-stone-700">
            {t('version', { number: entry.revision })}
            {' · '}
            <time dateTime={entry.createdAt}>{format.dateTime(new Date(entry.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
          </p>
          {entry.bodyHtml ? <RichText html={entry.bodyHtml} className="text-sm" /> : <p className="text-sm text-stone-600 italic">{t('notKept')}</p>}
        </li>
      ))}
    </ol>
  );
}
