import { getTranslations } from 'next-intl/server';

/** Landing page. */
export default async function HomePage() {
  const t = await getTranslations('app');
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-semibold">{t('name')}</h1>
      <p className="mt-2 text-stone-600">{t('tagline')}</p>
    </main>
  );
}
