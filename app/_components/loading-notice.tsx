import { useTranslations } from 'next-intl';

/** A calm placeholder while a page's data loads, announced to screen readers. */
export function LoadingNotice() {
  const t = useTranslations('common');
  return (
    <div role="status" className="flex items-center gap-3 py-8 text-stone-600">
      <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-stone-300 border-t-teal-700" />
      {t('loading')}
    </div>
  );
}
