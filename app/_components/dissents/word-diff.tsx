'use client';

import { diffWords } from 'diff';
import { useTranslations } from 'next-intl';

/**
 * The words that changed between two texts: removed words struck through,
 * added words underlined, each also named for screen readers (colour alone
 * would say nothing to them, or to readers who cannot tell red from green).
 */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const t = useTranslations('dissents.diff');
  const parts = diffWords(before, after);
  return (
    <p className="text-sm whitespace-pre-wrap break-words text-stone-800">
      {parts.map((part, index) => {
        if (part.added) {
          return (
            <ins key={index} className="dissent-diff-added">
              <span className="sr-only">{t('addedStart')}</span>
              {part.value}
              <span className="sr-only">{t('addedEnd')}</span>
            </ins>
          );
        }
        if (part.removed) {
          return (
            <del key={index} className="dissent-diff-removed">
              <span className="sr-only">{t('removedStart')}</span>
              {part.value}
              <span className="sr-only">{t('removedEnd')}</span>
            </del>
          );
        }
        return <span key={index}>{part.value}</span>;
      })}
    </p>
  );
}
