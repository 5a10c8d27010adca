'use client';

import { useTranslations } from 'next-intl';
import { LIMITS } from '@/core/schemas';
import { TextField } from '../text-field';
import { TextAreaField } from './text-area-field';

/** The words of a dissent as a form holds them. */
export interface DissentWords {
  title: string;
  body: string;
  alternativeWording: string;
}

/** Reads the words from a submitted form that holds {@link DissentWordsFields}. */
export function wordsFromForm(form: FormData): { title: string; body: string; alternativeWording: string | null } {
  const alternative = String(form.get('alternativeWording') ?? '').trim();
  return {
    title: String(form.get('title') ?? '').trim(),
    body: String(form.get('body') ?? '').trim(),
    alternativeWording: alternative ? alternative : null,
  };
}

/**
 * Title, body (Markdown, and the form says so) and, for a dissent on a
 * passage, an alternative wording: the fields of filing and of revising.
 */
export function DissentWordsFields({ initial, withAlternative }: { initial?: DissentWords; withAlternative: boolean }) {
  const t = useTranslations('dissents.form');
  return (
    <>
      <TextField label={t('title')} name="title" required maxLength={LIMITS.dissentTitle} defaultValue={initial?.title} autoComplete="off" />
      <TextAreaField label={t('body')} hint={t('bodyHint')} name="body" required maxLength={LIMITS.dissentBody} rows={6} defaultValue={initial?.body} />
      {withAlternative ? (
        <TextAreaField
          label={t('alternative')}
          hint={t('alternativeHint')}
          name="alternativeWording"
          maxLength={LIMITS.alternativeWording}
          rows={3}
          defaultValue={initial?.alternativeWording}
        />
      ) : null}
    </>
  );
}
