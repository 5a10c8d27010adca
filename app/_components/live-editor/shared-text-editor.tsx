'use client';

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { PresenceIdentity } from '@/core/presence';
import { textStarterKit } from '@/core/text-schema';
import { EditorKeys, type EditorKeysOptions } from '@/app/_lib/editor-keys';
import type { LiveSession } from '@/app/_lib/live-session';
import { resolvePassage } from './dissent-anchors';
import { DissentHighlights, setActiveHighlight, setHighlightAnchors, type HighlightAnchor, type ResolvedPassages } from './dissent-highlights';
import { EditorToolbar } from './editor-toolbar';
import { LinkForm } from './link-form';

/** How the editor and the dissents panel talk: passages to highlight one way, the editor and clicks the other. */
export interface DissentLink {
  /** Standing dissents with a passage. */
  anchors: readonly HighlightAnchor[];
  /** The dissent whose thread is open. */
  activeId: string | null;
  /** The editor once made, null once gone (the panel reads the selection and shows passages through it). */
  onEditor: (editor: Editor | null) => void;
  /** A highlight was clicked. */
  onOpen: (dissentId: string) => void;
  /** Where the passages are in the current text. */
  onResolved: (passages: ResolvedPassages) => void;
}

const NO_LINK: DissentLink = { anchors: [], activeId: null, onEditor: () => {}, onOpen: () => {}, onResolved: () => {} };

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
  dissents = NO_LINK,
}: {
  session: LiveSession;
  user: PresenceIdentity;
  writable: boolean;
  showToolbar: boolean;
  labelledBy: string;
  dissents?: DissentLink;
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
  // The extensions are made once; the panel's callbacks change with its renders.
  const link = useRef(dissents);
  useEffect(() => {
    link.current = dissents;
  });

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: [
        // One definition of the schema, shared with the server that resolves anchors against it.
        textStarterKit,
        Collaboration.configure({ document: session.doc }),
        CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
        Placeholder.configure({ placeholder: t('placeholder') }),
        EditorKeys.configure({
          openLinkForm: () => keys.current.openLinkForm(),
          focusToolbar: () => keys.current.focusToolbar(),
        }),
        DissentHighlights.configure({
          resolve: resolvePassage,
          onOpen: (id) => link.current.onOpen(id),
          onResolved: (passages) => link.current.onResolved(passages),
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

  useEffect(() => {
    if (!editor) return;
    link.current.onEditor(editor);
    return () => link.current.onEditor(null);
  }, [editor]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) setHighlightAnchors(editor.view, dissents.anchors);
  }, [editor, dissents.anchors]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) setActiveHighlight(editor.view, dissents.activeId);
  }, [editor, dissents.activeId]);

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
