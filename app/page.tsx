import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from './_lib/current-user';
import { ui } from './_lib/styles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('landing');
  return { title: t('title') };
}

/** Landing page: signed-in members go straight to their assemblies; others learn what Plenary is. */
export default async function HomePage() {
  if (await currentUser()) redirect('/assemblies');
  const t = await getTranslations('landing');
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <section aria-labelledby="landing-title" className="space-y-4">
        <h1 id="landing-title" className={ui.pageTitle}>
          {t('title')}
        </h1>
        <p className="text-lg leading-relaxed text-stone-700">{t('intro')}</p>
      </section>
      <ul className="space-y-3">
        {(['assemblies', 'proposals', 'dissent'] as const).map((point) => (
          <li key={point} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <h2 className="font-semibold text-stone-900">{t(`points.${point}.title`)}</h2>
            <p className="mt-1 text-stone-700">{t(`points.${point}.body`)}</p>
          </li>
        ))}
      </ul>
      <p className="text-sm text-stone-600">{t('status')}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-up" className={ui.primaryButton}>
          {t('signUp')}
        </Link>
        <Link href="/sign-in" className={ui.secondaryButton}>
          {t('signIn')}
        </Link>
      </div>
    </div>
  );
}
