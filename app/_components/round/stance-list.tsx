'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { RoundPerson, StanceView } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';

const CHOICE_STYLE: Record<StanceView['choice'], string> = {
  agree: 'bg-teal-50 text-teal-900 ring-teal-300',
  abstain: 'bg-stone-100 text-stone-800 ring-stone-300',
  disagree: 'bg-amber-50 text-amber-900 ring-amber-300',
  block: 'bg-red-50 text-red-900 ring-red-300',
};

/**
 * Everyone's current stance, public as DESIGN.md wants it: who, what,
 * how affected they declare themselves, why, and how often they changed
 * it (every change is kept in the ledger). Eligible members without a
 * stance are listed after, so that everyone sees who has not spoken yet.
 */
export function StanceList({ stances, eligible }: { stances: StanceView[]; eligible: RoundPerson[] }) {
  const t = useTranslations('round.stances');
  const tc = useTranslations('stances');
  const format = useFormatter();
  const waiting = eligible.filter((person) => !stances.some((stance) => stance.member.id === person.id));
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-stone-900">{t('heading', { count: stances.length, eligible: eligible.length })}</h3>
      {stances.length === 0 ? <p className={ui.muted}>{t('none')}</p> : null}
      <ul className="space-y-2" aria-label={t('label')}>
        {stances.map((stance) => (
          <li key={stance.member.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm" data-testid="stance" data-member={stance.member.name}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium break-words text-stone-900">{stance.member.name}</span>
              <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${CHOICE_STYLE[stance.choice]}`} data-testid="stance-choice">
                {tc(`choices.${stance.choice}`)}
              </span>
              <span className="text-stone-700" data-testid="stance-affectedness">
                {t('affectedness', { level: stance.affectedness })}
              </span>
              {/* `changes` counts every stance cast, the first included. */}
              {stance.changes > 1 ? (
                <span className="text-stone-600" data-testid="stance-changes">
                  {t('changes', { count: stance.changes - 1 })}
                </span>
              ) : null}
            </div>
            {stance.reason ? <p className="mt-1 whitespace-pre-line break-words text-stone-800">{stance.reason}</p> : null}
          </li>
        ))}
      </ul>
      {waiting.length > 0 ? (
        <p className={ui.muted} data-testid="stances-waiting">
          {t('waiting', { count: waiting.length, names: format.list(waiting.map((person) => person.name), { type: 'conjunction' }) })}
        </p>
      ) : null}
    </div>
  );
}
