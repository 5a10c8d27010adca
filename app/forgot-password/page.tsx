import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { ForgotPasswordForm } from '@/app/_components/forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forgotPassword');
  return { title: t('title') };
}

/** Asks for a password-reset link by email. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <AuthCard title={t('title')} intro={t('intro')}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
