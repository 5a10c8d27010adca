'use client';

import { useTranslations } from 'next-intl';
import type { DecisionSettingsInput } from '@/core/decision-rules';
import { ui } from '@/app/_lib/styles';
import { RuleSummary } from '@/app/_components/round/rule-summary';

/** The assembly's decision settings in words, for members who may not change them. */
export function DecisionSettingsSummary({ settings }: { settings: DecisionSettingsInput }) {
  const t = useTranslations('decisionSettings');
  return (
    <dl className={`${ui.card} space-y-3 text-sm`} data-testid="decision-settings-summary">
      <div>
        <dt className="font-medium text-stone-800">{t('rule')}</dt>
        <dd>
          <RuleSummary rule={settings.rule} />
        </dd>
      </div>
      <div>
        <dt className="font-medium text-stone-800">{t('reopenSignatures')}</dt>
        <dd>{settings.reopenSignatures}</dd>
      </div>
      <div>
        <dt className="font-medium text-stone-800">{t('defaultDeadlineHours')}</dt>
        <dd>{t('hours', { count: settings.defaultDeadlineHours })}</dd>
      </div>
      <div>
        <dt className="font-medium text-stone-800">{t('guidance')}</dt>
        <dd>
          <ol className="mt-1 space-y-1">
            {settings.affectednessGuidance.map((words, level) => (
              <li key={level}>
                <span className="font-medium">{t('level', { level })}</span> {words}
              </li>
            ))}
          </ol>
        </dd>
      </div>
    </dl>
  );
}
