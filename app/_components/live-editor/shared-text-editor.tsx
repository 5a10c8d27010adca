'use client';

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { PresenceIdentity } from '@/core/presence';
import { EditorKeys, type EditorKeysOptions } from '@/app/_lib/editor-keys';
import type { LiveSession } from '@/app/_lib/live-session';
import { EditorToolbar } from './editor-toolbar';
import { LinkForm } from './link-form';

/** A remote caret: a coloured bar with the person's name, hidden from screen readers (the presence list names them). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.setProperty('--caret-color', String(user.color));
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

/**
 * The proposal's text in TipTap, bound to the session's Y.Doc. It is created
 * read-only and becomes writable only once the server's text has arrived:
 * typing into the empty document before that would add a second first
 * paragraph next to the one the server made.
 */
export function SharedTextEditor({
  session,
  user,
  writable,
  showToolbar,
  labelledBy,
}: {
  session: LiveSession;
  user: PresenceIdentity;
  writable: boolean;
  showToolbar: boolean;
  labelledBy: string;
}) {
  const t = useTranslations('editor');
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const toolbarRef = useRef<HTMLDivElement | null>(null);
  // The shortcuts extension is configured once; it reaches the current state through this ref.
  const keys = useRef<EditorKeysOptions>({ openLinkForm: () => {}, focusToolbar: () => false });
  useEffect(() => {
    keys.current = {
      openLinkForm: () => {
        if (writable) setLinkFormOpen(true);
      },
      focusToolbar: () => {
        const button = toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]');
        button?.focus();
        return Boolean(button);
      },
    };
  }, [writable]);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: [
        StarterKit.configure({
          // Collaboration brings its own undo, which undoes only this person's edits.
          undoRedo: false,
          // Both append steps by themselves, also after a remote change: every tab (observers too)
          // would write the same paragraph or link mark, duplicating or diverging from the server.
          trailingNode: false,
          link: { autolink: false, openOnClick: false },
        }),
        Collaboration.configure({ document: session.doc }),
        CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
        Placeholder.configure({ placeholder: t('placeholder') }),
        EditorKeys.configure({
          openLinkForm: () => keys.current.openLinkForm(),
          focusToolbar: () => keys.current.focusToolbar(),
        }),
      ],
      editorProps: {
        // useEditor applies these options again on every render, so they follow `writable`.
        attributes: {
          id: 'proposal-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          'aria-readonly': String(!writable),
          class: 'plenary-prose',
        },
      },
    },
    [],
  );

  useEffect(() => {
    if (!editor) return;
    editor.setEditable(writable, false);
    if (!writable) setLinkFormOpen(false);
  }, [editor, writable]);

  return (
    <div className="overflow-hidden rounded-lg border border-stone-300 bg-white shadow-sm focus-within:border-teal-600 focus-within:ring-2 focus-within:ring-teal-600/30">
      {editor && showToolbar ? (
        <>
          <EditorToolbar
            editor={editor}
            toolbarRef={toolbarRef}
            disabled={!writable}
            linkFormOpen={linkFormOpen}
            onLink={() => setLinkFormOpen((open) => !open)}
          />
          {linkFormOpen && writable ? <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} /> : null}
        </>
      ) : null}
      <EditorContent editor={editor} className="min-h-48" />
    </div>
  );
}
