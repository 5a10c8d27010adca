import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/app/_components/change-password-form';
import { requireUser } from '@/app/_lib/current-user';
import { ui } from '@/app/_lib/styles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

/** The member's own account: who they are signed in as, and a password change. */
export default async function AccountPage() {
  const user = await requireUser('/account');
  const t = await getTranslations('account');
  return (
    <div className="mx-auto max-w-xl space-y-8">
      <h1 className={ui.pageTitle}>{t('title')}</h1>
      <section aria-labelledby="account-details" className={ui.card}>
        <h2 id="account-details" className={ui.sectionTitle}>
          {t('details')}
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium text-stone-700">{t('name')}</dt>
          <dd className="break-words">{user.name}</dd>
          <dt className="font-medium text-stone-700">{t('email')}</dt>
          <dd className="break-all">{user.email}</dd>
        </dl>
      </section>
      <section aria-labelledby="account-password" className={ui.card}>
        <h2 id="account-password" className={`${ui.sectionTitle} mb-4`}>
          {t('changePassword')}
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
