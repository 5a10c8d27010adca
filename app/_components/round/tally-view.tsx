'use client';

import { useTranslations } from 'next-intl';
import type { DecisionRule } from '@/core/decision-rules';
import type { Tally, TallyCount } from '@/core/tally';

const ROWS = ['agree', 'abstain', 'disagree', 'block'] as const;

interface TallyViewProps {
  tally: Tally;
  rule: DecisionRule;
  /** Open: the outcome is what closing now would give; closed: what it gave. */
  open: boolean;
}

/**
 * The tally with both counts side by side (DESIGN.md: always both), the one
 * that decides marked in its column header and explained in words, the
 * quorum's progress, and the outcome with its reason (core/tally.ts `why`).
 */
export function TallyView({ tally, rule, open }: TallyViewProps) {
  const t = useTranslations('round.tally');
  const deciding = tally.decidingCount;
  // The rule says weighted but nobody for or against weighs anything: the equal count stands in.
  const fellBack = rule.counting === 'weighted' && deciding === 'equal';
  const participating = tally.equal.participating;
  const column = (name: 'equal' | 'weighted') => (
    <th scope="col" className={`px-3 py-2 text-right align-bottom ${deciding === name ? 'bg-teal-50 text-teal-950' : ''}`} data-deciding={deciding === name}>
      <span className="block">{t(`columns.${name}`)}</span>
      {deciding === name ? <span className="block text-xs font-semibold uppercase tracking-wide text-teal-800">{t('decides')}</span> : null}
    </th>
  );
  const cell = (count: TallyCount, name: 'equal' | 'weighted', row: keyof TallyCount) => (
    <td className={`px-3 py-1.5 text-right tabular-nums ${deciding === name ? 'bg-teal-50 font-semibold' : ''}`} data-testid={`tally-${name}-${row}`}>
      {count[row]}
    </td>
  );
  return (
    <div className="space-y-3" data-testid="tally">
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm">
          <caption className="pb-2 text-left font-semibold text-stone-900">{t('caption')}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="px-3 py-2 text-left">
                <span className="sr-only">{t('choice')}</span>
              </th>
              {column('equal')}
              {column('weighted')}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} className="border-b border-stone-200">
                <th scope="row" className="px-3 py-1.5 text-left font-medium text-stone-800">
                  {t(`rows.${row}`)}
                </th>
                {cell(tally.equal, 'equal', row)}
                {cell(tally.weighted, 'weighted', row)}
              </tr>
            ))}
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left font-medium text-stone-800">
                {t('rows.total')}
              </th>
              {cell(tally.equal, 'equal', 'total')}
              {cell(tally.weighted, 'weighted', 'total')}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="text-sm text-stone-700" data-testid="deciding-count">
        {fellBack ? t('fellBack') : t(`decidingWhy.${deciding}`)}
      </p>
      <div className="space-y-1">
        <label className="block text-sm text-stone-800">
          <span className="block" data-testid="quorum">
            {t('quorum', { participating, eligible: tally.eligible, required: tally.quorumRequired })}{' '}
            <strong>{tally.quorumMet ? t('quorumMet') : t('quorumNotMet')}</strong>
          </span>
          <progress className="mt-1 h-2 w-full max-w-sm accent-teal-700" max={Math.max(1, tally.eligible)} value={participating} />
        </label>
      </div>
      <p className="text-sm text-stone-900" data-testid="tally-outcome" data-outcome={tally.outcome}>
        <strong>{open ? t('ifClosedNow', { outcome: t(`outcomes.${tally.outcome}`) }) : t('outcome', { outcome: t(`outcomes.${tally.outcome}`) })}</strong>{' '}
        {t(`why.${tally.why}`)}
      </p>
    </div>
  );
}
