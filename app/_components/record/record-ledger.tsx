'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LedgerEntry, LedgerHead, LedgerVerification } from '@/core/ledger';
import { callApi } from '@/app/_lib/api-client';
import { holdsPinnedHead } from '@/app/_lib/record-rounds';
import { ui } from '@/app/_lib/styles';
import { useHydrated } from '@/app/_lib/use-hydrated';

type Check =
  | { kind: 'failed' }
  | { kind: 'verified'; length: number }
  | { kind: 'broken'; report: Extract<LedgerVerification, { ok: false }> }
  | { kind: 'head-missing'; length: number };

/**
 * The ledger head the record is pinned to, whole (monospace, selectable, with
 * a copy button), the entry that recorded the outcome, and "Verify": the
 * server checks every link of the chain (as on the proposal page), and the
 * page checks that the chain still holds this very head.
 */
export function RecordLedger({ proposalId, head, outcomeSeq }: { proposalId: string; head: LedgerHead; outcomeSeq: number }) {
  const t = useTranslations('record.ledger');
  const problems = useTranslations('dissents.ledger.problems');
  const hydrated = useHydrated();
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function verify() {
    setChecking(true);
    const [verified, listed] = await Promise.all([
      callApi<LedgerVerification>(`/api/proposals/${proposalId}/ledger/verify`, 'GET'),
      callApi<{ entries: LedgerEntry[] }>(`/api/proposals/${proposalId}/ledger`, 'GET'),
    ]);
    setChecking(false);
    if (!verified.ok || !listed.ok) setCheck({ kind: 'failed' });
    else if (!verified.data.ok) setCheck({ kind: 'broken', report: verified.data });
    else if (!holdsPinnedHead(listed.data.entries, head)) setCheck({ kind: 'head-missing', length: verified.data.length });
    else setCheck({ kind: 'verified', length: verified.data.length });
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(head.hash);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="space-y-2 text-sm" data-testid="record-ledger">
      <p>{t('pinned', { seq: head.seq, outcomeSeq })}</p>
      <code className="block rounded bg-stone-100 p-2 font-mono text-xs break-all text-stone-900 select-all" data-testid="record-head-hash" aria-label={t('hashLabel')}>
        {head.hash}
      </code>
      <div className="flex flex-wrap items-center gap-2 record-no-print">
        <button type="button" className={ui.smallButton} disabled={!hydrated} onClick={() => void copy()}>
          {t('copy')}
        </button>
        <button type="button" className={ui.smallButton} disabled={!hydrated || checking} onClick={() => void verify()} data-testid="record-verify">
          {checking ? t('verifying') : t('verify')}
        </button>
      </div>
      <p role="status" className="min-h-5">
        {copied === true ? <span className="text-teal-900">{t('copied')} </span> : null}
        {copied === false ? <span className="text-red-900">{t('copyFailed')} </span> : null}
        {check?.kind === 'failed' ? <span className="text-red-900">{t('verifyFailed')}</span> : null}
        {check?.kind === 'verified' ? <span className="text-teal-900">{t('verified', { count: check.length, seq: head.seq })}</span> : null}
        {check?.kind === 'head-missing' ? <span className="font-medium text-red-900">{t('headMissing', { seq: head.seq })}</span> : null}
        {check?.kind === 'broken' ? (
          <span className="font-medium text-red-900">
            {t('broken', { seq: check.report.brokenAt.seq, problem: problems(check.report.brokenAt.problem) })}
          </span>
        ) : null}
      </p>
    </div>
  );
}
