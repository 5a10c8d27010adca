'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { ui } from '@/app/_lib/styles';

/**
 * A freshly created invitation link, shown this once (the server keeps only
 * its hash), in a read-only field with a Copy button.
 */
export function InvitationLink({ url, roleLabel }: { url: string; roleLabel: string }) {
  const t = useTranslations('invitations.link');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard access (insecure origin, denied permission): select the text so copying by hand is one keystroke.
      input.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className="space-y-2 rounded-lg border border-teal-300 bg-teal-50 p-4">
      <label htmlFor={id} className={ui.label}>
        {t('label')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-note`}
          className={`${ui.input} font-mono text-sm`}
        />
        <button type="button" onClick={copyLink} className={ui.primaryButton}>
          {t('copy')}
        </button>
      </div>
      <p id={`${id}-note`} className="text-sm text-teal-950">
        {t('once', { role: roleLabel })}
      </p>
      <p role="status" className="text-sm font-medium text-teal-950">
        {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
