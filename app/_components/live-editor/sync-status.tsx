'use client';

import { useTranslations } from 'next-intl';
import type { ConnectionState, SaveState } from '@/app/_lib/live-session';

const DOT: Record<ConnectionState, string> = {
  connecting: 'bg-amber-500',
  connected: 'bg-teal-600',
  reconnecting: 'bg-amber-500',
  offline: 'bg-stone-500',
  closed: 'bg-red-700',
};

const SAVE_STYLE: Record<SaveState, string> = {
  saved: 'text-stone-700',
  saving: 'text-stone-700',
  unsaved: 'font-medium text-amber-900',
};

/**
 * Where the text stands: the connection (announced to screen readers when it
 * changes) and, for people who write, whether their edits are stored. The
 * save state is not a live region: it changes with every pause in typing.
 */
export function SyncStatus({ connection, save, showSave }: { connection: ConnectionState; save: SaveState; showSave: boolean }) {
  const t = useTranslations('editor');
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <p role="status" aria-label={t('connectionLabel')} data-state={connection} className="inline-flex items-center gap-2 text-stone-800">
        <span aria-hidden="true" className={`size-2.5 rounded-full ${DOT[connection]}`} />
        {t(`connection.${connection}`)}
      </p>
      {showSave ? (
        <p data-testid="save-state" data-state={save} className={SAVE_STYLE[save]}>
          <span className="sr-only">{t('saveLabel')} </span>
          {t(`save.${save}`)}
        </p>
      ) : null}
    </div>
  );
}
