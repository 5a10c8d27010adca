'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LiveSnapshot } from '@/app/_lib/live-session';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { useHydrated } from '@/app/_lib/use-hydrated';
import { FormError } from '../form-messages';
import { selectedPassage, type SelectedPassage } from '../live-editor/dissent-anchors';
import { SubmitButton } from '../submit-button';
import { DissentWordsFields, wordsFromForm } from './dissent-words-fields';

interface FileDissentProps {
  proposalId: string;
  editor: Editor | null;
  snapshot: LiveSnapshot | null;
  /** The dissent was filed: show it. */
  onFiled: (dissentId: string) => void;
  /**
   * Words to start from (a stance's reason, "file as a dissent"): the form
   * then opens at once with them, and closing it calls `onClose` instead of
   * going back to the "File a dissent" button.
   */
  prefill?: { body: string };
  onClose?: () => void;
}

type Payload = { title: string; body: string; alternativeWording: string | null; anchor: { start: string; end: string } | null };

/**
 * "File a dissent": on the passage selected in the text when the button is
 * pressed, or on the whole proposal. The server resolves the passage against
 * the text it has stored, so a passage that includes this tab's unsaved
 * edits is sent only once the editor reports them saved.
 */
export function FileDissent({ proposalId, editor, snapshot, onFiled, prefill, onClose }: FileDissentProps) {
  const t = useTranslations('dissents.file');
  const { run, pending, error, setError } = useApiAction();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(prefill !== undefined);
  const [passage, setPassage] = useState<SelectedPassage | null>(null);
  const [scope, setScope] = useState<'passage' | 'whole'>('whole');
  const [queued, setQueued] = useState<Payload | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);
  const headingId = useId();

  function capture() {
    const selected = editor && !editor.isDestroyed ? selectedPassage(editor.state) : null;
    setPassage(selected);
    setScope(selected ? 'passage' : 'whole');
  }

  function close() {
    setQueued(null);
    setError(null);
    // Opened from elsewhere (a stance): that place takes the form away and keeps focus.
    if (onClose) return onClose();
    returnFocus.current = true;
    setOpen(false);
  }

  // Opened with words from elsewhere: take the passage selected in the text, as the button would.
  useEffect(() => {
    if (prefill) capture();
    // Once, when the form opens with them.
  }, []);

  useEffect(() => {
    if (open) heading.current?.focus();
    else if (returnFocus.current) openButton.current?.focus();
    returnFocus.current = false;
  }, [open]);

  async function send(payload: Payload) {
    const result = await run<{ id: string }>(`/api/proposals/${proposalId}/dissents`, 'POST', payload);
    if (!result.ok) return;
    close();
    onFiled(result.data.id);
  }

  // Sends a queued dissent as soon as the text it points into is stored (through a ref: `send` is remade every render).
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  const saved = snapshot?.save === 'saved';
  useEffect(() => {
    if (!queued || !saved) return;
    setQueued(null);
    void sendRef.current(queued);
  }, [queued, saved]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const words = wordsFromForm(new FormData(event.currentTarget));
    const anchor = scope === 'passage' && passage ? { start: passage.start, end: passage.end } : null;
    const payload: Payload = { ...words, alternativeWording: anchor ? words.alternativeWording : null, anchor };
    setError(null);
    if (anchor && snapshot?.save !== 'saved') setQueued(payload);
    else void send(payload);
  }

  if (!open) {
    return (
      <div className="space-y-1">
        <button
          ref={openButton}
          type="button"
          className={ui.primaryButton}
          disabled={!hydrated}
          // Read the selection before the button takes focus from the text (it survives the blur anyway).
          onClick={() => {
            capture();
            setOpen(true);
          }}
        >
          {t('open')}
        </button>
        <p className={ui.hint}>{t('openHint')}</p>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} aria-labelledby={headingId} className="space-y-4 rounded-md border border-stone-300 bg-stone-50 p-3">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="font-semibold text-stone-900 focus:outline-none">
        {t('heading')}
      </h3>
      <fieldset className="space-y-2">
        <legend className={ui.label}>{t('scope')}</legend>
        {passage ? (
          <>
            <label className="flex items-start gap-2 text-sm text-stone-800">
              <input type="radio" name="scope" value="passage" checked={scope === 'passage'} onChange={() => setScope('passage')} className="mt-1 accent-teal-700" />
              <span className="min-w-0">
                {t('onPassage')}
                <blockquote className="dissent-quote mt-1" data-testid="selected-passage">
                  {passage.text}
                </blockquote>
              </span>
            </label>
            <label className="flex items-center gap-2 text-sm text-stone-800">
              <input type="radio" name="scope" value="whole" checked={scope === 'whole'} onChange={() => setScope('whole')} className="accent-teal-700" />
              {t('onWhole')}
            </label>
          </>
        ) : (
          <p className="text-sm text-stone-700">{t('noSelection')}</p>
        )}
        <button type="button" className={ui.smallButton} onClick={capture}>
          {t('useSelection')}
        </button>
      </fieldset>
      <DissentWordsFields
        withAlternative={scope === 'passage'}
        initial={prefill ? { title: '', body: prefill.body, alternativeWording: '' } : undefined}
      />
      {queued ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t('waitingForSave')}
        </p>
      ) : null}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending || queued !== null} label={t('submit')} pendingLabel={t('pending')} />
        <button type="button" className={ui.secondaryButton} onClick={close}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
