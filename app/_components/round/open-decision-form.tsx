'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DecisionRule } from '@/core/decision-rules';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useFetched } from '../dissents/use-fetched';
import { FormError } from '../form-messages';
import { SubmitButton } from '../submit-button';
import { RuleFields } from './rule-fields';
import { RuleSummary } from './rule-summary';

/** The assembly's settings, for the default deadline. */
interface AssemblySettings {
  defaultDeadlineHours: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a `datetime-local` value, in the browser's own time zone (what the field shows and reads). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface OpenDecisionFormProps {
  proposalId: string;
  assemblyId: string;
  /** The assembly's rule, shown and used unless the author overrides it. */
  assemblyRule: DecisionRule;
  onOpened: () => void;
  onCancel: () => void;
}

/**
 * "Open the decision": freezes the text for stances. Shows the assembly's
 * rule and lets the authors set another for this proposal, and a deadline
 * (the assembly's usual delay from now unless changed).
 */
export function OpenDecisionForm({ proposalId, assemblyId, assemblyRule, onOpened, onCancel }: OpenDecisionFormProps) {
  const t = useTranslations('round.open');
  const { run, pending, error, setError } = useApiAction();
  const settings = useFetched<AssemblySettings>(`/api/assemblies/${assemblyId}/decision-settings`, 0);
  const [override, setOverride] = useState(false);
  const [rule, setRule] = useState<DecisionRule>(assemblyRule);
  const [deadline, setDeadline] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const deadlineId = useId();

  useEffect(() => heading.current?.focus(), []);
  // The default deadline waits for the assembly's settings; a date the author typed is kept.
  const hours = settings.data?.defaultDeadlineHours;
  useEffect(() => {
    if (hours !== undefined) setDeadline((current) => current || toLocalInput(new Date(Date.now() + hours * 3_600_000)));
  }, [hours]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = new Date(deadline);
    if (!deadline || Number.isNaN(at.getTime())) return setError(t('deadlineInvalid'));
    if (at.getTime() <= Date.now()) return setError(t('deadlinePast'));
    const result = await run(`/api/proposals/${proposalId}/decision`, 'POST', {
      ...(override ? { rule } : {}),
      deadline: at.toISOString(),
    });
    if (result.ok) onOpened();
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby={headingId} className="space-y-4 rounded-md border border-stone-300 bg-stone-50 p-3">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="font-semibold text-stone-900 focus:outline-none">
        {t('heading')}
      </h3>
      <p className="text-sm text-stone-700">{t('intro')}</p>
      <div className="space-y-2">
        <p className="text-sm text-stone-800">
          <span className="font-medium">{t('assemblyRule')}</span> <RuleSummary rule={assemblyRule} testId="assembly-rule" />
        </p>
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} className="size-4 accent-teal-700" />
          {t('override')}
        </label>
        {override ? <RuleFields value={rule} onChange={setRule} /> : null}
      </div>
      <div>
        <label htmlFor={deadlineId} className={ui.label}>
          {t('deadline')}
        </label>
        <input
          id={deadlineId}
          name="deadline"
          type="datetime-local"
          required
          value={deadline}
          onChange={(event) => setDeadline(event.target.value)}
          aria-describedby={`${deadlineId}-hint`}
          className={`${ui.input} mt-1 sm:w-auto`}
        />
        <p id={`${deadlineId}-hint`} className={ui.hint}>
          {hours !== undefined ? t('deadlineHint', { hours }) : t('deadlineHintLoading')}
        </p>
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
        <button type="button" className={ui.secondaryButton} onClick={onCancel} disabled={pending}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
