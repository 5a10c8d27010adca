'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { Fragment, useState, type KeyboardEvent, type RefObject } from 'react';
import { ariaShortcut, formatShortcut, type ShortcutName } from '@/app/_lib/shortcuts';
import { ICONS } from './toolbar-icons';

interface ToolbarItem {
  name: Exclude<ShortcutName, 'toolbar'>;
  label: string;
  /** For toggles: whether the formatting applies at the cursor (aria-pressed). */
  active?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  run: () => void;
}

/**
 * The formatting toolbar: one tab stop (roving tabindex; arrow keys, Home and
 * End move within it, Escape returns to the text). Buttons that cannot act
 * now are aria-disabled rather than disabled, so that they stay reachable and
 * announced.
 */
export function EditorToolbar({
  editor,
  toolbarRef,
  linkFormOpen,
  onLink,
  disabled,
}: {
  editor: Editor;
  toolbarRef: RefObject<HTMLDivElement | null>;
  linkFormOpen: boolean;
  onLink: () => void;
  /** While the text cannot be changed (not loaded yet, or closed for good): commands would still run. */
  disabled: boolean;
}) {
  const t = useTranslations('editor.toolbar');
  const [current, setCurrent] = useState(0);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading1: e.isActive('heading', { level: 1 }),
      heading2: e.isActive('heading', { level: 2 }),
      heading3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: ToolbarItem[][] = [
    [
      { name: 'bold', label: t('bold'), active: state.bold, run: () => chain().toggleBold().run() },
      { name: 'italic', label: t('italic'), active: state.italic, run: () => chain().toggleItalic().run() },
      { name: 'link', label: t('link'), active: state.link, expanded: linkFormOpen, run: onLink },
    ],
    ([1, 2, 3] as const).map((level) => ({
      name: `heading${level}` as const,
      label: t('heading', { level }),
      active: state[`heading${level}`],
      run: () => chain().toggleHeading({ level }).run(),
    })),
    [
      { name: 'bulletList', label: t('bulletList'), active: state.bulletList, run: () => chain().toggleBulletList().run() },
      { name: 'orderedList', label: t('orderedList'), active: state.orderedList, run: () => chain().toggleOrderedList().run() },
      { name: 'blockquote', label: t('blockquote'), active: state.blockquote, run: () => chain().toggleBlockquote().run() },
    ],
    [
      { name: 'undo', label: t('undo'), disabled: !state.canUndo, run: () => chain().undo().run() },
      { name: 'redo', label: t('redo'), disabled: !state.canRedo, run: () => chain().redo().run() },
    ],
  ];
  const count = groups.flat().length;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: count - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + count) % count;
    setCurrent(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  }

  let index = 0;
  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label={t('label')}
      aria-controls="proposal-text"
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 border-b border-stone-200 bg-stone-50 px-2 py-1.5"
    >
      {groups.map((group, groupIndex) => (
        <Fragment key={groupIndex}>
          {groupIndex > 0 ? <span aria-hidden="true" className="mx-1 h-6 w-px bg-stone-300" /> : null}
          {group.map((item) => {
            const position = index++;
            const shortcut = formatShortcut(item.name);
            return (
              <button
                key={item.name}
                type="button"
                aria-label={item.label}
                aria-pressed={item.active === undefined ? undefined : item.active}
                aria-expanded={item.expanded}
                aria-disabled={disabled || item.disabled || undefined}
                aria-keyshortcuts={ariaShortcut(item.name)}
                title={`${item.label} (${shortcut})`}
                tabIndex={position === current ? 0 : -1}
                onFocus={() => setCurrent(position)}
                onClick={() => {
                  if (!disabled && !item.disabled) item.run();
                }}
                className="inline-flex size-9 items-center justify-center rounded-md text-stone-800 hover:bg-stone-200 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-pressed:bg-teal-100 aria-pressed:text-teal-950 aria-pressed:ring-1 aria-pressed:ring-teal-400"
              >
                {ICONS[item.name]}
              </button>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}
