'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '@/core/schemas';
import type { MotionView } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from '../form-messages';
import { SubmitButton } from '../submit-button';
import { TextAreaField } from '../dissents/text-area-field';

interface MotionsProps {
  proposalId: string;
  userId: string;
  motions: MotionView[];
  /** Signatures that carry a motion, the mover's included. */
  required: number;
  /** Whether this member may move and co-sign (not an observer; the proposal adopted or rejected). */
  maySign: boolean;
  onChanged: () => void;
}

function MotionItem({ motion, required, canSign, onSigned }: { motion: MotionView; required: number; canSign: boolean; onSigned: () => void }) {
  const t = useTranslations('motions');
  const format = useFormatter();
  const { run, pending, error } = useApiAction();
  async function sign() {
    const result = await run(`/api/reopening-motions/${motion.id}/signatures`, 'POST');
    if (result.ok) onSigned();
  }
  return (
    <li className="space-y-2 rounded-md border border-stone-200 bg-white p-3 text-sm" data-testid="motion">
      <p className="font-medium break-words text-stone-900">{t('movedBy', { name: motion.mover.name })}</p>
      <p className="whitespace-pre-line break-words text-stone-800">{motion.reason}</p>
      <p className="text-stone-700" data-testid="motion-signatures">
        {t('signatures', { count: motion.signers.length, required })}{' '}
        <span className="text-stone-600">{format.list(motion.signers.map((signer) => signer.name), { type: 'conjunction' })}</span>
      </p>
      {canSign ? (
        <button type="button" className={ui.smallButton} disabled={pending} onClick={() => void sign()}>
          {pending ? t('signing') : t('sign')}
        </button>
      ) : null}
      <FormError message={error} />
    </li>
  );
}

/**
 * Reopening a closed decision: the motions of this round with who signed
 * them and how many more they need, a way to co-sign, and a way to move
 * one. A motion carries at the assembly's number of signatures, and the
 * proposal returns to deliberation in a new round (the round event re-reads
 * the page).
 */
export function Motions({ proposalId, userId, motions, required, maySign, onChanged }: MotionsProps) {
  const t = useTranslations('motions');
  const { run, pending, error } = useApiAction();
  const [formKey, setFormKey] = useState(0);
  const headingId = useId();
  const mine = motions.some((motion) => motion.mover.id === userId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    const result = await run(`/api/proposals/${proposalId}/reopening-motions`, 'POST', { reason });
    if (!result.ok) return;
    setFormKey((key) => key + 1);
    onChanged();
  }

  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="motions">
      <h3 id={headingId} className="text-sm font-semibold text-stone-900">
        {t('heading')}
      </h3>
      <p className="text-sm text-stone-700">{t('intro', { count: required })}</p>
      {motions.length > 0 ? (
        <ul className="space-y-2">
          {motions.map((motion) => (
            <MotionItem
              key={motion.id}
              motion={motion}
              required={required}
              canSign={maySign && !motion.signers.some((signer) => signer.id === userId)}
              onSigned={onChanged}
            />
          ))}
        </ul>
      ) : (
        <p className={ui.muted}>{t('none')}</p>
      )}
      {maySign && !mine ? (
        <form key={formKey} onSubmit={onSubmit} className="space-y-2" aria-label={t('fileLabel')}>
          <TextAreaField label={t('reason')} hint={t('reasonHint')} name="reason" required maxLength={LIMITS.motionReason} rows={3} />
          <FormError message={error} />
          <SubmitButton pending={pending} label={t('file')} pendingLabel={t('filing')} />
        </form>
      ) : null}
    </section>
  );
}
