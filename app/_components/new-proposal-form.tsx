'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { LIMITS } from '@/core/schemas';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from './form-messages';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

/** Someone who may be named co-author. */
export interface CoAuthorOption {
  userId: string;
  name: string;
}

/** Starts a draft proposal with optional co-authors, then opens it. */
export function NewProposalForm({ assemblyId, coAuthors }: { assemblyId: string; coAuthors: CoAuthorOption[] }) {
  const t = useTranslations('proposals.new');
  const { run, pending, error, router } = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run<{ id: string }>(`/api/assemblies/${assemblyId}/proposals`, 'POST', {
      title: String(form.get('title') ?? '').trim(),
      coAuthorIds: form.getAll('coAuthorIds').map(String),
    });
    if (result.ok) router.push(`/proposals/${result.data.id}`);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <TextField label={t('titleLabel')} name="title" required maxLength={LIMITS.proposalTitle} />
      <fieldset>
        <legend className={ui.label}>{t('coAuthors')}</legend>
        <p className={ui.hint}>{coAuthors.length > 0 ? t('coAuthorsHint') : t('noCoAuthors')}</p>
        {coAuthors.length > 0 ? (
          <ul className="mt-2 space-y-1">
            {coAuthors.map((person) => (
              <li key={person.userId}>
                <label className="inline-flex items-center gap-2 py-1 text-stone-800">
                  <input type="checkbox" name="coAuthorIds" value={person.userId} className="size-4 accent-teal-700" />
                  {person.name}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <FormError message={error} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
