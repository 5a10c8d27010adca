'use client';

import { useTranslations } from 'next-intl';
import type { VersionDiff } from '@/app/_lib/version-diff';

/**
 * A word-level diff, one paragraph per block: removed words struck through,
 * added ones underlined, each also named in words for screen readers (and
 * for anyone who cannot tell the two colours apart), with the totals above.
 */
export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  const t = useTranslations('history.diff');
  const unchanged = diff.addedWords === 0 && diff.removedWords === 0;
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700" data-testid="diff-summary">
        {unchanged ? t('unchanged') : t('summary', { added: diff.addedWords, removed: diff.removedWords })}
      </p>
      <p className="text-xs text-stone-600" aria-hidden="true">
        <ins className="history-added">{t('legendAdded')}</ins> · <del className="history-removed">{t('legendRemoved')}</del>
      </p>
      <div className="history-diff space-y-2 rounded-md border border-stone-200 bg-white p-3" data-testid="version-diff">
        {diff.lines.map((line, lineIndex) => (
          <p key={lineIndex} className="whitespace-pre-wrap break-words">
            {line.map((piece, index) => {
              if (piece.kind === 'added') {
                return (
                  <ins key={index} className="history-added">
                    <span className="sr-only">{t('addedStart')}</span>
                    {piece.value}
                    <span className="sr-only">{t('addedEnd')}</span>
                  </ins>
                );
              }
              if (piece.kind === 'removed') {
                return (
                  <del key={index} className="history-removed">
                    <span className="sr-only">{t('removedStart')}</span>
                    {piece.value}
                    <span className="sr-only">{t('removedEnd')}</span>
                  </del>
                );
              }
              return <span key={index}>{piece.value}</span>;
            })}
          </p>
        ))}
      </div>
    </div>
  );
}
