import { getTranslations } from 'next-intl/server';
import { ui } from '@/app/_lib/styles';

/** What the record page says before any decision on the proposal has closed, or for a decision it has no record of. */
export async function NoRecord({ title, asked }: { title: string; asked: boolean }) {
  const t = await getTranslations('record.none');
  return (
    <>
      <header className="space-y-1">
        <p className="text-sm font-medium text-stone-600">{t('eyebrow')}</p>
        <h1 className={`${ui.pageTitle} break-words`}>{title}</h1>
      </header>
      <div className={`${ui.card} space-y-1`} data-testid="record-none">
        <p className="font-medium text-stone-900">{asked ? t('notThisOne') : t('title')}</p>
        <p className={ui.muted}>{t('body')}</p>
      </div>
    </>
  );
}
