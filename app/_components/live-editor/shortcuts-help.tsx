'use client';

import { useTranslations } from 'next-intl';
import { formatShortcut, isApple, SHORTCUTS, type ShortcutName } from '@/app/_lib/shortcuts';
import { useHydrated } from '@/app/_lib/use-hydrated';

const NAMES = Object.keys(SHORTCUTS) as ShortcutName[];

/** The keyboard shortcuts, in a disclosure under the text. */
export function ShortcutsHelp() {
  const t = useTranslations('editor.shortcuts');
  // Server rendering cannot know the platform: Ctrl first, Apple's keys once in the browser.
  const apple = useHydrated() && isApple();
  return (
    <details className="text-sm text-stone-700">
      <summary className="cursor-pointer rounded font-medium text-stone-800">{t('title')}</summary>
      <p className="mt-2">{t('intro')}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {NAMES.map((name) => (
          <div key={name} className="contents">
            <dt>
              <kbd className="rounded border border-stone-300 bg-white px-1.5 py-0.5 font-mono text-xs">{formatShortcut(name, apple)}</kbd>
            </dt>
            <dd>{t(`items.${name}`)}</dd>
          </div>
        ))}
        <dt>
          <kbd className="rounded border border-stone-300 bg-white px-1.5 py-0.5 font-mono text-xs">Esc</kbd>
        </dt>
        <dd>{t('items.escape')}</dd>
      </dl>
    </details>
  );
}
