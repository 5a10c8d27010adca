'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';

/** Longest name the form lets through; the server has the final word. */
const MAX_NAME = 200;

/**
 * "Save a named version" for members who may write: freezes the text as the
 * server holds it now under a name. The list re-reads itself on the
 * 'version.saved' event; `onSaved` re-reads at once for the saver.
 */
export function SaveVersionForm({ proposalId, onSaved }: { proposalId: string; onSaved: () => void }) {
  const t = useTranslations('history.save');
  const hydrated = useHydrated();
  const { run, pending, error } = useApiAction();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setSaved(null);
    const result = await run(`/api/proposals/${proposalId}/versions`, 'POST', { name: trimmed });
    if (result.ok) {
      setName('');
      setSaved(trimmed);
      onSaved();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className={`${ui.card} space-y-3 history-no-print`} aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`} className={ui.sectionTitle}>
        {t('title')}
      </h2>
      <div>
        <label htmlFor={fieldId} className={ui.label}>
          {t('nameLabel')}
        </label>
        <input
          id={fieldId}
          className={`${ui.input} mt-1`}
          value={name}
          maxLength={MAX_NAME}
          required
          aria-describedby={hintId}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={hintId} className={ui.hint}>
          {t('hint')}
        </p>
      </div>
      <button type="submit" className={ui.primaryButton} disabled={!hydrated || pending || name.trim().length === 0}>
        {pending ? t('saving') : t('submit')}
      </button>
      <p role="status" className="min-h-5 text-sm">
        {error ? <span className="text-red-900">{error}</span> : null}
        {saved && !error ? <span className="text-teal-900">{t('saved', { name: saved })}</span> : null}
      </p>
    </form>
  );
}
