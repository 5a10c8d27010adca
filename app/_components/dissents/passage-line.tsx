'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { DissentView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';

/**
 * What a dissent objects to: the whole proposal, its passage (with a way to
 * show it in the text), or, when the text is gone, "passage removed" with the
 * words it had, so that the objection keeps its context. The editor's live
 * reading decides once it has one; until then, the server's.
 */
export function PassageLine({ dissent, found, onShow }: { dissent: DissentView; found: boolean | undefined; onShow: () => boolean }) {
  const t = useTranslations('dissents.passage');
  const [missing, setMissing] = useState(false);
  const anchor = dissent.anchor;
  if (!anchor) return <p className="text-sm text-stone-700">{t('whole')}</p>;
  const removed = found === false || (found === undefined && anchor.passage === 'removed');
  if (removed) {
    return (
      <div className="space-y-1" data-testid="passage-removed">
        <p className="text-sm font-medium text-red-900">{t('removed')}</p>
        <p className="text-sm text-stone-700">{t('itRead')}</p>
        <blockquote className="dissent-quote dissent-quote--removed">{anchor.quote.exact}</blockquote>
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <p className="text-sm text-stone-700">{t('on')}</p>
      <blockquote className="dissent-quote" data-testid="dissent-quote">
        {anchor.quote.exact}
      </blockquote>
      {dissent.state === 'standing' ? (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={ui.smallButton}
            aria-label={t('showLabel', { title: dissent.title })}
            onClick={() => setMissing(!onShow())}
          >
            {t('show')}
          </button>
          {missing ? (
            <span role="status" className="text-sm text-stone-600">
              {t('notShown')}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
