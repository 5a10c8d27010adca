'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type FormEvent } from 'react';
import { LIMITS } from '@/core/schemas';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { FormError } from '../form-messages';
import { SubmitButton } from '../submit-button';
import { TextAreaField } from './text-area-field';

interface ReplyFormProps {
  /** Where the words go: a new reply, or a revision of one. */
  url: string;
  parentReplyId?: string | null;
  initial?: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  /** Focus the field when it appears (it was opened by a button). */
  autoFocus?: boolean;
  onDone: (changed: boolean) => void;
  /** Shown for a form that can be closed (answers to replies, revisions). */
  cancellable?: boolean;
}

/** A reply's words (Markdown): a new reply in a thread, an answer to a reply, or a revision. */
export function ReplyForm({ url, parentReplyId, initial, label, submitLabel, pendingLabel, autoFocus, onDone, cancellable }: ReplyFormProps) {
  const t = useTranslations('dissents.replies');
  const { run, pending, error } = useApiAction();
  const field = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.querySelector('textarea')?.focus();
  }, [autoFocus]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('body') ?? '').trim();
    const payload = parentReplyId === undefined ? { body } : { body, parentReplyId };
    const result = await run(url, 'POST', payload);
    if (!result.ok) return;
    form.reset();
    onDone(true);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-2">
      <div ref={field}>
        <TextAreaField label={label} hint={t('markdownHint')} name="body" required maxLength={LIMITS.replyBody} rows={3} defaultValue={initial} />
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
        {cancellable ? (
          <button type="button" className={ui.secondaryButton} onClick={() => onDone(false)}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
