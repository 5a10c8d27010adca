'use client';

import { useTranslations } from 'next-intl';
import type { DissentView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';
import { ConfirmStep } from '../confirm-step';
import { FormError } from '../form-messages';

interface DissentActionsProps {
  dissent: DissentView;
  mayTakePart: boolean;
  revising: boolean;
  onRevise: () => void;
  history: boolean;
  onHistory: () => void;
  onChanged: () => void;
}

/**
 * What a member may do with a dissent. Others co-sign it or take their
 * signature back; only its author revises or withdraws it (the server
 * refuses anyone else, whatever their role); everyone may read its history.
 * Observers see no buttons that would change anything.
 */
export function DissentActions({ dissent, mayTakePart, revising, onRevise, history, onHistory, onChanged }: DissentActionsProps) {
  const t = useTranslations('dissents.actions');
  const sign = useApiAction();
  const withdraw = useApiAction();
  const hydrated = useHydrated();
  const standing = dissent.state === 'standing';
  const canSign = mayTakePart && standing && !dissent.mine;
  const canChange = mayTakePart && standing && dissent.mine;

  async function toggleSignature() {
    const result = await sign.run(`/api/dissents/${dissent.id}/signature`, dissent.iSigned ? 'DELETE' : 'POST', dissent.iSigned ? undefined : {});
    if (result.ok) onChanged();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {canSign ? (
          <button
            type="button"
            className={dissent.iSigned ? ui.smallButton : `${ui.smallButton} border-teal-700 font-medium text-teal-900`}
            aria-label={dissent.iSigned ? t('unsignLabel', { title: dissent.title }) : t('signLabel', { title: dissent.title })}
            disabled={!hydrated || sign.pending}
            onClick={() => void toggleSignature()}
          >
            {dissent.iSigned ? t('unsign') : t('sign')}
          </button>
        ) : null}
        {canChange && !revising ? (
          <button type="button" className={ui.smallButton} aria-label={t('reviseLabel', { title: dissent.title })} disabled={!hydrated} onClick={onRevise}>
            {t('revise')}
          </button>
        ) : null}
        <button
          type="button"
          className={ui.smallButton}
          aria-expanded={history}
          aria-label={t('historyLabel', { title: dissent.title, count: dissent.revision })}
          onClick={onHistory}
        >
          {history ? t('hideHistory') : t('history', { count: dissent.revision })}
        </button>
        {canChange && !revising ? (
          <ConfirmStep
            label={t('withdraw')}
            ariaLabel={t('withdrawLabel', { title: dissent.title })}
            question={t('withdrawQuestion')}
            confirmLabel={t('withdrawYes')}
            pendingLabel={t('withdrawing')}
            pending={withdraw.pending}
            error={withdraw.error}
            onConfirm={async () => {
              const result = await withdraw.run(`/api/dissents/${dissent.id}/withdrawal`, 'POST', {});
              if (result.ok) onChanged();
            }}
          />
        ) : null}
      </div>
      <FormError message={sign.error} />
    </div>
  );
}
