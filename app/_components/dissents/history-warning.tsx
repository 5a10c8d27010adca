'use client';

import { useTranslations } from 'next-intl';
import type { HeadCheck } from '@/app/_lib/ledger-memory';
import { ui } from '@/app/_lib/styles';

/**
 * Says plainly that the proposal's recorded history is not the one this
 * browser saw before: the entry it remembers is gone or altered. It stays
 * until the member says they have read it.
 */
export function HistoryWarning({ check, onAcknowledge }: { check: Extract<HeadCheck, { kind: 'rewritten' }>; onAcknowledge: () => void }) {
  const t = useTranslations('dissents.ledger');
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950" data-testid="history-warning">
      <p className="font-semibold">{t('rewrittenTitle')}</p>
      <p>
        {t('rewrittenBody', { seq: check.seen.seq, hash: check.seen.hash.slice(0, 12) })}
      </p>
      <button type="button" className={ui.smallButton} onClick={onAcknowledge}>
        {t('acknowledge')}
      </button>
    </div>
  );
}
