'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { ui } from './_lib/styles';

/** The boundary for unexpected failures while rendering a page: says so plainly and offers to retry. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('error');
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className={`${ui.card} mx-auto max-w-xl space-y-3`}>
      <h1 className={ui.pageTitle}>{t('title')}</h1>
      <p className="text-stone-700">{t('body')}</p>
      {/* The digest matches the server log line, so whoever runs the server can find the cause. */}
      {digest ? <p className={ui.muted}>{t('reference', { digest })}</p> : null}
      <button type="button" onClick={() => retry()} className={ui.primaryButton}>
        {t('retry')}
      </button>
    </div>
  );
}
