'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, type FormEvent } from 'react';
import type { DissentView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from '../form-messages';
import { SubmitButton } from '../submit-button';
import { DissentWordsFields, wordsFromForm } from './dissent-words-fields';

/**
 * The author's new words for their dissent. The anchor stays; the earlier
 * revision is kept and can be compared with this one in the history.
 */
export function ReviseDissentForm({ dissent, onDone }: { dissent: DissentView; onDone: (changed: boolean) => void }) {
  const t = useTranslations('dissents.revise');
  const { run, pending, error } = useApiAction();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const words = wordsFromForm(new FormData(event.currentTarget));
    const result = await run(`/api/dissents/${dissent.id}/revisions`, 'POST', {
      ...words,
      alternativeWording: dissent.anchor ? words.alternativeWording : null,
    });
    if (result.ok) onDone(true);
  }

  return (
    <form method="post" onSubmit={onSubmit} aria-labelledby={headingId} className="space-y-3 rounded-md border border-stone-300 bg-stone-50 p-3">
      <h4 id={headingId} ref={heading} tabIndex={-1} className="font-medium text-stone-900 focus:outline-none">
        {t('heading')}
      </h4>
      <p className={ui.hint}>{t('hint')}</p>
      <DissentWordsFields
        withAlternative={dissent.anchor !== null}
        initial={{ title: dissent.title, body: dissent.body, alternativeWording: dissent.alternativeWording ?? '' }}
      />
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('pending')} />
        <button type="button" className={ui.secondaryButton} onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
