'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { normalizeLinkHref } from '@/app/_lib/link-href';
import { ui } from '@/app/_lib/styles';

/**
 * Sets, changes or removes the link at the selection. With nothing selected
 * and no link at the cursor, the address itself is inserted as the link's
 * text. Escape or Cancel closes it and returns to the text.
 */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useTranslations('editor.link');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const existing = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(existing);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function close() {
    onClose();
    editor.commands.focus();
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const href = normalizeLinkHref(value);
    if (!href) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <form
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
      className="flex flex-wrap items-end gap-2 border-b border-stone-200 bg-white px-3 py-2"
    >
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor={id} className={ui.label}>
          {t('label')}
        </label>
        <input
          ref={input}
          id={id}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
          placeholder="https://"
          className={`${ui.input} mt-1`}
        />
        {invalid ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-800">
            {t('invalid')}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={ui.primaryButton}>
          {t('apply')}
        </button>
        {existing ? (
          <button type="button" onClick={remove} className={ui.secondaryButton}>
            {t('remove')}
          </button>
        ) : null}
        <button type="button" onClick={close} className={ui.secondaryButton}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
