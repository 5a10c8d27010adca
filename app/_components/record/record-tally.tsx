import { getFormatter, getTranslations } from 'next-intl/server';
import type { RecordCounting, RecordTally as Tally } from '@/core/record';

const ROWS = ['agree', 'abstain', 'disagree', 'block', 'total'] as const;
const COUNTINGS: RecordCounting[] = ['equal', 'weighted'];

/**
 * The tally as a table: the equal and the weighted count side by side, the
 * one that decided named in its header (a word and a sign, its cells also
 * shaded), then the rule as it was frozen: kind, quorum, counting, and why
 * the outcome is what it is when the ledger says.
 */
export async function RecordTally({ tally, why }: { tally: Tally; why: string | null }) {
  const t = await getTranslations('record.tally');
  const format = await getFormatter();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  const decides = (counting: RecordCounting) => tally.decidedBy === counting;
  const { rule } = tally;
  const whyKey = why ? (`why.${why}` as Parameters<typeof t>[0]) : null;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="record-tally w-full border-collapse text-sm" data-testid="record-tally">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left">
                {t('stance')}
              </th>
              {COUNTINGS.map((counting) => (
                <th key={counting} scope="col" className={`text-right ${decides(counting) ? 'record-deciding' : ''}`} data-deciding={decides(counting) || undefined}>
                  {t(`counting.${counting}`)}
                  {decides(counting) ? (
                    <span className="block text-xs font-semibold">
                      <span aria-hidden="true">✔ </span>
                      {t('decides')}
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} className={row === 'total' ? 'record-total' : undefined}>
                <th scope="row" className="text-left font-medium">
                  {t(`rows.${row}`)}
                </th>
                {COUNTINGS.map((counting) => (
                  <td key={counting} className={`text-right tabular-nums ${decides(counting) ? 'record-deciding' : ''}`}>
                    {number(tally[counting][row])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-stone-800" data-testid="record-rule">
        <li>{t(`rule.${rule.kind}`, { threshold: format.number(rule.threshold ?? 0, { style: 'percent', maximumFractionDigits: 1 }) })}</li>
        <li>
          {t('quorum', { quorum: rule.quorum, eligible: tally.eligible })} {tally.quorumMet ? t('quorumMet') : t('quorumMissed')}
        </li>
        <li>{t(`countedBy.${rule.counting}`)}</li>
        <li>{t('decidedBy', { counting: t(`counting.${tally.decidedBy}`) })}</li>
        {whyKey && t.has(whyKey) ? <li>{t(whyKey)}</li> : null}
      </ul>
    </div>
  );
}
