import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ui } from './_lib/styles';

/** Shown for unknown addresses, and for assemblies and proposals the reader may not see (which look the same on purpose). */
export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className={`${ui.card} mx-auto max-w-xl space-y-3`}>
      <h1 className={ui.pageTitle}>{t('title')}</h1>
      <p className="text-stone-700">{t('body')}</p>
      <Link href="/" className={ui.link}>
        {t('home')}
      </Link>
    </div>
  );
}
