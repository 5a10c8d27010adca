'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CHOICES_NEEDING_REASON, STANCE_CHOICES, STANCE_REASON_MAX, type Affectedness, type StanceChoice } from '@/core/decision-rules';
import type { StanceView } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';
import { FormError } from '../form-messages';
import { SubmitButton } from '../submit-button';

const LEVELS: Affectedness[] = [0, 1, 2, 3];

interface StanceFormProps {
  proposalId: string;
  myStance: StanceView | null;
  /** The assembly's words for each level of affectedness, 0 to 3. */
  guidance: string[];
  /** The stance was taken: read the round again. */
  onCast: () => void;
  /** "File as a dissent": open the dissent form with this reason as its body. */
  onFileAsDissent: (reason: string) => void;
}

/**
 * Taking a stance on the frozen version: the choice and the declared
 * affectedness as radio groups (arrow keys move within each), and a reason,
 * required to disagree or block, checked here before the server checks it
 * again. Someone who already stood sees their stance and "Change my stance".
 */
export function StanceForm({ proposalId, myStance, guidance, onCast, onFileAsDissent }: StanceFormProps) {
  const t = useTranslations('stances');
  const { run, pending, error } = useApiAction();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState(myStance === null);
  const [choice, setChoice] = useState<StanceChoice | null>(myStance?.choice ?? null);
  const [affectedness, setAffectedness] = useState<Affectedness | null>((myStance?.affectedness as Affectedness | undefined) ?? null);
  const [reason, setReason] = useState(myStance?.reason ?? '');
  const [missing, setMissing] = useState<'choice' | 'affectedness' | 'reason' | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const needsReason = choice !== null && CHOICES_NEEDING_REASON.includes(choice);
  // Right after a first stance, the summary waits for the round's re-read to bring it.
  const showSummary = !editing && myStance !== null;
  const wasSummary = useRef(showSummary);

  // Focus follows the switch between the summary and the form, so keyboard users keep their place.
  useEffect(() => {
    if (showSummary && !wasSummary.current) changeButton.current?.focus();
    if (!showSummary && wasSummary.current) heading.current?.focus();
    wasSummary.current = showSummary;
  }, [showSummary]);

  function startEditing() {
    setChoice(myStance?.choice ?? null);
    setAffectedness((myStance?.affectedness as Affectedness | undefined) ?? null);
    setReason(myStance?.reason ?? '');
    setMissing(null);
    setEditing(true);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    const gap = choice === null ? 'choice' : affectedness === null ? 'affectedness' : needsReason && !trimmed ? 'reason' : null;
    setMissing(gap);
    if (gap === 'reason') reasonRef.current?.focus();
    if (gap) return;
    const result = await run(`/api/proposals/${proposalId}/stances`, 'POST', { choice, affectedness, reason: trimmed || null });
    if (!result.ok) return;
    setEditing(false);
    onCast();
  }

  if (showSummary && myStance) {
    return (
      <div className="space-y-2 rounded-md border border-teal-200 bg-teal-50 p-3 text-sm text-teal-950" data-testid="my-stance">
        <p>
          {t('mine', { choice: t(`choices.${myStance.choice}`), level: myStance.affectedness })}
          {myStance.reason ? <span className="mt-1 block whitespace-pre-line break-words">{myStance.reason}</span> : null}
        </p>
        <button ref={changeButton} type="button" className={ui.smallButton} disabled={!hydrated} onClick={startEditing}>
          {t('change')}
        </button>
      </div>
    );
  }

  const reasonErrorId = `${id}-reason-error`;
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-heading`} noValidate className="space-y-4 rounded-md border border-stone-300 bg-stone-50 p-3">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1} className="font-semibold text-stone-900 focus:outline-none">
        {myStance ? t('changeHeading') : t('heading')}
      </h3>
      <fieldset className="space-y-1" aria-describedby={missing === 'choice' ? `${id}-choice-error` : undefined}>
        <legend className={ui.label}>{t('choiceLegend')}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {STANCE_CHOICES.map((option) => (
            <label key={option} className="flex items-start gap-2 rounded-md p-1 text-sm text-stone-800">
              <input type="radio" name="choice" value={option} checked={choice === option} onChange={() => setChoice(option)} className="mt-1 accent-teal-700" />
              <span>
                <span className="font-medium">{t(`choices.${option}`)}</span>
                <span className="block text-stone-600">{t(`choiceHints.${option}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {missing === 'choice' ? (
          <p id={`${id}-choice-error`} className="text-sm font-medium text-red-800">
            {t('choiceMissing')}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="space-y-1" aria-describedby={missing === 'affectedness' ? `${id}-level-error` : undefined}>
        <legend className={ui.label}>{t('affectednessLegend')}</legend>
        <p className={ui.hint}>{t('affectednessHint')}</p>
        {LEVELS.map((level) => (
          <label key={level} className="flex items-start gap-2 rounded-md p-1 text-sm text-stone-800">
            <input
              type="radio"
              name="affectedness"
              value={level}
              checked={affectedness === level}
              onChange={() => setAffectedness(level)}
              className="mt-1 accent-teal-700"
            />
            <span>
              <span className="font-medium">{t('level', { level })}</span> <span className="text-stone-700">{guidance[level] ?? ''}</span>
            </span>
          </label>
        ))}
        {missing === 'affectedness' ? (
          <p id={`${id}-level-error`} className="text-sm font-medium text-red-800">
            {t('affectednessMissing')}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor={`${id}-reason`} className={ui.label}>
          {needsReason ? t('reasonRequired') : t('reasonOptional')}
        </label>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          name="reason"
          rows={3}
          maxLength={STANCE_REASON_MAX}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            if (missing === 'reason' && event.target.value.trim()) setMissing(null);
          }}
          required={needsReason}
          aria-invalid={missing === 'reason' ? true : undefined}
          aria-describedby={missing === 'reason' ? reasonErrorId : undefined}
          className={`${ui.input} mt-1 ${missing === 'reason' ? 'border-red-700' : ''}`}
        />
        {missing === 'reason' ? (
          <p id={reasonErrorId} className="mt-1 text-sm font-medium text-red-800" data-testid="reason-error">
            {t('reasonMissing')}
          </p>
        ) : null}
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} label={myStance ? t('submitChange') : t('submit')} pendingLabel={t('pending')} />
        {needsReason ? (
          <button type="button" className={ui.secondaryButton} disabled={!hydrated} onClick={() => onFileAsDissent(reason.trim())}>
            {t('fileAsDissent')}
          </button>
        ) : null}
        {myStance ? (
          <button type="button" className={ui.secondaryButton} disabled={pending} onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
      {needsReason ? <p className={ui.hint}>{t('fileAsDissentHint')}</p> : null}
    </form>
  );
}
