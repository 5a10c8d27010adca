import type { ReactNode } from 'react';
import { ui } from '@/app/_lib/styles';

/** The narrow centred frame of the account pages (sign up, sign in, password reset). */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className={ui.pageTitle}>{title}</h1>
        {intro ? <p className="text-stone-700">{intro}</p> : null}
      </div>
      <div className={ui.card}>{children}</div>
    </div>
  );
}
