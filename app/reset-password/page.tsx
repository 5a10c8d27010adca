import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { FormError } from '@/app/_components/form-messages';
import { ResetPasswordForm } from '@/app/_components/reset-password-form';
import { ui } from '@/app/_lib/styles';

type Props = { searchParams: Promise<{ token?: string | string[]; error?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('resetPassword');
  return { title: t('title') };
}

/**
 * Where a reset link lands. The auth server checks the token first and sends
 * `?token=` when it is good, `?error=INVALID_TOKEN` when it is not.
 */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const t = await getTranslations('resetPassword');
  if (query.error || !token) {
    return (
      <AuthCard title={t('title')}>
        <div className="space-y-4">
          <FormError message={t('invalid')} />
          <Link href="/forgot-password" className={ui.primaryButton}>
            {t('requestNew')}
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('title')}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
