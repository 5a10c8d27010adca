'use client';

import { useTranslations } from 'next-intl';
import type { DecisionRule } from '@/core/decision-rules';

/** A rule in one sentence ("Consent; quorum: 1 in 2 eligible members; counted equally"), for notices and forms. */
export function useRuleSummary(): (rule: DecisionRule) => string {
  const t = useTranslations('round.rule');
  return (rule) =>
    t('summary', {
      kind:
        rule.kind === 'supermajority'
          ? t('supermajorityOf', { numerator: rule.threshold.numerator, denominator: rule.threshold.denominator })
          : t(`kinds.${rule.kind}`),
      quorum: t('quorumSummary', { numerator: rule.quorum.numerator, denominator: rule.quorum.denominator }),
      counting: t(`countings.${rule.counting}`),
    });
}

/** A rule in words, marked for tests and screen readers as the rule that applies. */
export function RuleSummary({ rule, testId }: { rule: DecisionRule; testId?: string }) {
  const summary = useRuleSummary();
  return <span data-testid={testId}>{summary(rule)}</span>;
}
