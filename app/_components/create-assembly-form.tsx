'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { LIMITS } from '@/core/schemas';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/** Creates an assembly (its creator becomes the first steward) and opens it. */
export function CreateAssemblyForm() {
  const t = useTranslations('assemblies.create');
  const { run, pending, error, router } = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run<{ id: string }>('/api/assemblies', 'POST', {
      name: String(form.get('name') ?? '').trim(),
      description: String(form.get('description') ?? '').trim(),
    });
    if (result.ok) router.push(`/assemblies/${result.data.id}`);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <TextField label={t('name')} name="name" required maxLength={LIMITS.assemblyName} />
      <div>
        <label htmlFor="assembly-description" className={ui.label}>
          {t('description')}
        </label>
        <textarea
          id="assembly-description"
          name="description"
          rows={3}
          maxLength={LIMITS.assemblyDescription}
          aria-describedby="assembly-description-hint"
          className={`${ui.input} mt-1`}
        />
        <p id="assembly-description-hint" className={ui.hint}>
          {t('descriptionHint')}
        </p>
      </div>
      <p className={ui.muted}>{t('stewardNote')}</p>
      <FormError message={error} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
