'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { RoundView } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';
import { ConfirmStep } from '../confirm-step';
import { FormError } from '../form-messages';
import { OpenDecisionForm } from './open-decision-form';

interface StageActionsProps {
  proposalId: string;
  assemblyId: string;
  view: RoundView;
  /** Something changed: read the round again (the event will follow, but the author should not wait for it). */
  onChanged: () => void;
}

/**
 * What the proposal's authors may do at this stage, as the server lists it
 * (`allowedActions`): open deliberation, open the decision, withdraw (asked
 * twice), close early (only once everyone eligible has a stance; until then
 * it says who is missing). Members who may do none of these see nothing here.
 */
export function StageActions({ proposalId, assemblyId, view, onChanged }: StageActionsProps) {
  const t = useTranslations('round.actions');
  const format = useFormatter();
  const hydrated = useHydrated();
  const deliberate = useApiAction();
  const withdraw = useApiAction();
  const close = useApiAction();
  const [opening, setOpening] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const allowed = new Set(view.allowedActions);
  const decision = view.decision;
  const canClose = allowed.has('close-decision') && decision?.open === true;
  if (!allowed.has('open-deliberation') && !allowed.has('open-decision') && !allowed.has('withdraw') && !canClose) return null;

  const missing = decision ? decision.eligible.filter((person) => !view.stances.some((stance) => stance.member.id === person.id)) : [];
  const closeHintId = `close-hint-${proposalId}`;

  async function transition(transitionName: 'open-deliberation' | 'withdraw', action: typeof deliberate) {
    const result = await action.run(`/api/proposals/${proposalId}/transitions`, 'POST', { transition: transitionName });
    if (result.ok) onChanged();
  }

  async function closeEarly() {
    const result = await close.run(`/api/proposals/${proposalId}/decision/close`, 'POST');
    if (result.ok) onChanged();
  }

  return (
    <div className="space-y-3" data-testid="stage-actions">
      <h3 className="text-sm font-semibold text-stone-900">{t('heading')}</h3>
      {opening ? (
        <OpenDecisionForm
          proposalId={proposalId}
          assemblyId={assemblyId}
          assemblyRule={view.settings.rule}
          onOpened={() => {
            setOpening(false);
            onChanged();
          }}
          onCancel={() => {
            setOpening(false);
            // Back to the button that opened the form, for keyboard users.
            requestAnimationFrame(() => openButton.current?.focus());
          }}
        />
      ) : (
        <div className="flex flex-wrap items-start gap-2">
          {allowed.has('open-deliberation') ? (
            <button type="button" className={ui.primaryButton} disabled={!hydrated || deliberate.pending} onClick={() => void transition('open-deliberation', deliberate)}>
              {deliberate.pending ? t('openingDeliberation') : t('openDeliberation')}
            </button>
          ) : null}
          {allowed.has('open-decision') ? (
            <button ref={openButton} type="button" className={ui.primaryButton} disabled={!hydrated} onClick={() => setOpening(true)}>
              {t('openDecision')}
            </button>
          ) : null}
          {canClose ? (
            <div className="space-y-1">
              <button
                type="button"
                className={ui.primaryButton}
                disabled={!hydrated || close.pending || !decision.everyoneHasStance}
                aria-describedby={closeHintId}
                onClick={() => void closeEarly()}
              >
                {close.pending ? t('closing') : t('closeEarly')}
              </button>
              <p id={closeHintId} className={ui.hint}>
                {decision.everyoneHasStance
                  ? t('closeReady')
                  : t('closeWaiting', { count: missing.length, names: format.list(missing.map((person) => person.name), { type: 'conjunction' }) })}
              </p>
            </div>
          ) : null}
          {allowed.has('withdraw') ? (
            <ConfirmStep
              label={t('withdraw')}
              question={t('withdrawQuestion')}
              confirmLabel={t('withdrawConfirm')}
              pendingLabel={t('withdrawing')}
              pending={withdraw.pending}
              error={withdraw.error}
              onConfirm={() => void transition('withdraw', withdraw)}
            />
          ) : null}
        </div>
      )}
      <FormError message={deliberate.error ?? close.error} />
    </div>
  );
}
