'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { DecisionRule, DecisionSettingsInput } from '@/core/decision-rules';
import { callApi, type ApiFailure } from '@/app/_lib/api-client';
import { ui } from '@/app/_lib/styles';
import { FormError, FormSuccess } from '@/app/_components/form-messages';
import { RuleFields } from '@/app/_components/round/rule-fields';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { TextAreaField } from '@/app/_components/dissents/text-area-field';

const LEVELS = [0, 1, 2, 3] as const;

/** Reads a whole number from a field (the server validates the range). */
function whole(value: string): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** The stewards' form for how the assembly decides; saved whole, as the server validates it. */
export function DecisionSettingsForm({ assemblyId, initial }: { assemblyId: string; initial: DecisionSettingsInput }) {
  const t = useTranslations('decisionSettings');
  const errorsT = useTranslations('errors');
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [rule, setRule] = useState<DecisionRule>(initial.rule);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  // As the shared action helper words refusals: the server's English, or the reason translated for other languages.
  function describe(failure: ApiFailure): string {
    if (failure.code === 'NETWORK_ERROR' && !failure.message) return errorsT('network');
    const key = `reasons.${failure.reason ?? failure.code}` as Parameters<typeof errorsT>[0];
    if (locale !== 'en' && errorsT.has(key)) return errorsT(key);
    return failure.message || errorsT('unknown');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: DecisionSettingsInput = {
      rule,
      reopenSignatures: whole(String(form.get('reopenSignatures') ?? '')),
      defaultDeadlineHours: whole(String(form.get('defaultDeadlineHours') ?? '')),
      affectednessGuidance: LEVELS.map((level) => String(form.get(`guidance${level}`) ?? '').trim()),
    };
    setPending(true);
    setSaved(false);
    setError(null);
    const result = await callApi(`/api/assemblies/${assemblyId}/decision-settings`, 'PUT', body);
    setPending(false);
    if (result.ok) setSaved(true);
    else setError(describe(result.error));
  }

  return (
    <form onSubmit={onSubmit} className={`${ui.card} space-y-5`} aria-label={t('formLabel')}>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-stone-900">{t('rule')}</legend>
        <RuleFields value={rule} onChange={setRule} />
      </fieldset>
      <TextField
        label={t('reopenSignatures')}
        hint={t('reopenSignaturesHint')}
        name="reopenSignatures"
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        required
        defaultValue={initial.reopenSignatures}
      />
      <TextField
        label={t('defaultDeadlineHours')}
        hint={t('defaultDeadlineHint')}
        name="defaultDeadlineHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={24 * 365}
        required
        defaultValue={initial.defaultDeadlineHours}
      />
      <fieldset className="space-y-3">
        <legend className="font-semibold text-stone-900">{t('guidance')}</legend>
        <p className={ui.hint}>{t('guidanceHint')}</p>
        {LEVELS.map((level) => (
          <TextAreaField
            key={level}
            label={t('level', { level })}
            name={`guidance${level}`}
            required
            maxLength={500}
            rows={2}
            defaultValue={initial.affectednessGuidance[level]}
          />
        ))}
      </fieldset>
      <FormError message={error} />
      <FormSuccess message={saved ? t('saved') : null} />
      <SubmitButton pending={pending} label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}
