'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LedgerHead, LedgerVerification } from '@/core/ledger';
import { callApi } from '@/app/_lib/api-client';
import { ui } from '@/app/_lib/styles';
import { useHydrated } from '@/app/_lib/use-hydrated';

/** How many hex digits of a hash to show: enough to compare by eye, the full hash is in the title and for copying. */
const SHORT = 12;

type Report = LedgerVerification & { brokenAt?: { kind?: string } };

/**
 * The proposal's record, discreetly: the head of its hash chain (short, the
 * full hash on hover and for screen readers) and "Verify", which asks the
 * server to check every link and says what it found.
 */
export function LedgerStatus({ proposalId, head }: { proposalId: string; head: LedgerHead | null }) {
  const t = useTranslations('dissents.ledger');
  const hydrated = useHydrated();
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [failed, setFailed] = useState(false);

  async function verify() {
    setChecking(true);
    setFailed(false);
    const result = await callApi<Report>(`/api/proposals/${proposalId}/ledger/verify`, 'GET');
    setChecking(false);
    if (result.ok) setReport(result.data);
    else {
      setReport(null);
      setFailed(true);
    }
  }

  if (!head) return null;
  return (
    <div className="space-y-1 border-t border-stone-200 pt-3 text-xs text-stone-600" data-testid="ledger-status">
      <div className="flex flex-wrap items-center gap-2">
        <span>
          {t('head', { seq: head.seq })}{' '}
          <code title={head.hash} aria-label={t('hashLabel', { hash: head.hash })} className="rounded bg-stone-100 px-1 font-mono text-stone-800">
            {head.hash.slice(0, SHORT)}
          </code>
        </span>
        <button type="button" className={`${ui.smallButton} text-xs`} disabled={!hydrated || checking} onClick={() => void verify()}>
          {checking ? t('verifying') : t('verify')}
        </button>
      </div>
      <p role="status" className="min-h-4">
        {failed ? <span className="text-red-900">{t('verifyFailed')}</span> : null}
        {report?.ok ? <span className="text-teal-900">{t('verified', { count: report.length })}</span> : null}
        {report && !report.ok ? (
          <span className="font-medium text-red-900">
            {t('broken', { seq: report.brokenAt.seq, problem: t(`problems.${report.brokenAt.problem}`) })}
          </span>
        ) : null}
      </p>
    </div>
  );
}
