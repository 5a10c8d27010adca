'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { COUNTINGS, DECISION_KINDS, type Counting, type DecisionKind, type DecisionRule, type Fraction } from '@/core/decision-rules';
import { ui } from '@/app/_lib/styles';

/** Two-thirds: the usual supermajority, offered when a rule first becomes one. */
const DEFAULT_THRESHOLD: Fraction = { numerator: 2, denominator: 3 };

/** A rule with another kind, keeping quorum and counting (and a threshold only for a supermajority). */
function withKind(rule: DecisionRule, kind: DecisionKind): DecisionRule {
  const base = { quorum: rule.quorum, counting: rule.counting };
  if (kind === 'supermajority') return { ...base, kind, threshold: rule.kind === 'supermajority' ? rule.threshold : DEFAULT_THRESHOLD };
  return { ...base, kind };
}

/** Reads a whole number from a field, keeping 0 for an empty one (the server validates the range). */
function whole(value: string): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : 0;
}

function FractionFields({ legend, hint, value, onChange, name }: { legend: string; hint: string; value: Fraction; onChange: (next: Fraction) => void; name: string }) {
  const t = useTranslations('round.rule');
  const id = useId();
  return (
    <fieldset className="space-y-1" aria-describedby={`${id}-hint`}>
      <legend className={ui.label}>{legend}</legend>
      <div className="flex flex-wrap items-center gap-2 text-sm text-stone-800">
        <label htmlFor={`${id}-n`} className="sr-only">
          {t('numerator', { name: legend })}
        </label>
        <input
          id={`${id}-n`}
          name={`${name}Numerator`}
          type="number"
          inputMode="numeric"
          min={0}
          max={1000}
          required
          value={value.numerator}
          onChange={(event) => onChange({ ...value, numerator: whole(event.target.value) })}
          className={`${ui.input} w-20`}
        />
        <span aria-hidden="true">{t('in')}</span>
        <label htmlFor={`${id}-d`} className="sr-only">
          {t('denominator', { name: legend })}
        </label>
        <input
          id={`${id}-d`}
          name={`${name}Denominator`}
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          required
          value={value.denominator}
          onChange={(event) => onChange({ ...value, denominator: whole(event.target.value) })}
          className={`${ui.input} w-20`}
        />
      </div>
      <p id={`${id}-hint`} className={ui.hint}>
        {hint}
      </p>
    </fieldset>
  );
}

/**
 * The parts of a decision rule as form fields: kind, quorum (a fraction of
 * the eligible members), counting, and a threshold for a supermajority.
 * Fractions rather than percentages, because the rule is kept as exact
 * fractions (core/decision-rules.ts) and "2 in 3" reads as it is counted.
 */
export function RuleFields({ value, onChange }: { value: DecisionRule; onChange: (next: DecisionRule) => void }) {
  const t = useTranslations('round.rule');
  const kindId = useId();
  const countingId = useId();
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={kindId} className={ui.label}>
          {t('kind')}
        </label>
        <select id={kindId} name="kind" value={value.kind} onChange={(event) => onChange(withKind(value, event.target.value as DecisionKind))} className={`${ui.input} mt-1`}>
          {DECISION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
        <p className={ui.hint}>{t(`kindHints.${value.kind}`)}</p>
      </div>
      {value.kind === 'supermajority' ? (
        <FractionFields
          legend={t('threshold')}
          hint={t('thresholdHint')}
          name="threshold"
          value={value.threshold}
          onChange={(threshold) => onChange({ ...value, threshold })}
        />
      ) : null}
      <FractionFields legend={t('quorum')} hint={t('quorumHint')} name="quorum" value={value.quorum} onChange={(quorum) => onChange({ ...value, quorum })} />
      <div>
        <label htmlFor={countingId} className={ui.label}>
          {t('counting')}
        </label>
        <select
          id={countingId}
          name="counting"
          value={value.counting}
          onChange={(event) => onChange({ ...value, counting: event.target.value as Counting })}
          className={`${ui.input} mt-1`}
        >
          {COUNTINGS.map((counting) => (
            <option key={counting} value={counting}>
              {t(`countings.${counting}`)}
            </option>
          ))}
        </select>
        <p className={ui.hint}>{t(`countingHints.${value.counting}`)}</p>
      </div>
    </div>
  );
}
