import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { SignInForm } from '@/app/_components/sign-in-form';
import { currentUser } from '@/app/_lib/current-user';
import { safeNext } from '@/app/_lib/safe-next';

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

/** Sign-in; `?next=` (a local path only) says where to go afterwards. */
export default async function SignInPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  const t = await getTranslations('signIn');
  return (
    <AuthCard title={t('title')}>
      <SignInForm next={next} />
    </AuthCard>
  );
}
