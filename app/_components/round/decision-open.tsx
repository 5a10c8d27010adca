'use client';

import { useTranslations } from 'next-intl';
import type { RoundView } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';
import { Deadline } from './deadline';
import { RuleSummary } from './rule-summary';
import { StanceForm } from './stance-form';
import { StanceList } from './stance-list';
import { TallyView } from './tally-view';

interface DecisionOpenProps {
  proposalId: string;
  view: RoundView;
  /** The name of the frozen version, once the versions list is read (else its id's start). */
  versionLabel: string;
  onChanged: () => void;
  onFileAsDissent: (reason: string) => void;
}

/**
 * An open decision: the text is frozen (which version is judged), the
 * deadline, the rule, the member's stance form (only for eligible members:
 * observers and members who joined later read everything else), everyone's
 * stances live, and the running tally.
 */
export function DecisionOpen({ proposalId, view, versionLabel, onChanged, onFileAsDissent }: DecisionOpenProps) {
  const t = useTranslations('round.decision');
  const decision = view.decision!;
  return (
    <div className="space-y-4">
      <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="decision-frozen">
        <p className="font-medium">{t('frozen', { version: versionLabel })}</p>
        <p>
          {t('rule')} <RuleSummary rule={decision.rule} testId="decision-rule" />
        </p>
      </div>
      <Deadline deadline={decision.deadline} />
      {view.canStand ? (
        <StanceForm
          key={decision.id}
          proposalId={proposalId}
          myStance={view.myStance}
          guidance={view.settings.affectednessGuidance}
          onCast={onChanged}
          onFileAsDissent={onFileAsDissent}
        />
      ) : (
        <p className={ui.muted} data-testid="cannot-stand">
          {t('cannotStand')}
        </p>
      )}
      <StanceList stances={view.stances} eligible={decision.eligible} />
      <TallyView tally={decision.tally} rule={decision.rule} open />
    </div>
  );
}
