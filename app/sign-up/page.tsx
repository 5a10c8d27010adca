import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { SignUpForm } from '@/app/_components/sign-up-form';
import { currentUser } from '@/app/_lib/current-user';
import { safeNext } from '@/app/_lib/safe-next';

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signUp');
  return { title: t('title') };
}

/** Account creation; honours `?next=` (e.g. back to an invitation) like sign-in does. */
export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  const t = await getTranslations('signUp');
  return (
    <AuthCard title={t('title')} intro={t('intro')}>
      <SignUpForm next={next} />
    </AuthCard>
  );
}
