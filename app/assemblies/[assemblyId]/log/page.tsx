import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AssemblyLog } from '@/app/_components/assembly-log';
import { LogLiveStatus } from '@/app/_components/live-hints';
import { loadAssembly } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { LOG_PAGE_SIZE } from '@/app/_lib/log-page';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { listAssemblyLog } from '@/server/services/list-assembly-log';

type Props = { params: Promise<{ assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('log');
  return { title: t('title') };
}

/** The assembly's log: every change to its membership and who made it, newest first. */
export default async function LogPage({ params }: Props) {
  const { assemblyId } = await params;
  const user = await requireUser(`/assemblies/${assemblyId}/log`);
  const assembly = await loadAssembly(user.id, assemblyId);
  const [t, page] = await Promise.all([
    getTranslations('log'),
    orNotFound(listAssemblyLog(await database(), user.id, assembly.id, { limit: LOG_PAGE_SIZE })),
  ]);
  return (
    <section aria-labelledby="log-title" className="space-y-4">
      <div className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="log-title" className={ui.sectionTitle}>
            {t('title')}
          </h2>
          <LogLiveStatus assemblyId={assembly.id} />
        </div>
        <p className={ui.muted}>{t('intro')}</p>
      </div>
      <AssemblyLog assemblyId={assembly.id} initial={page} />
    </section>
  );
}
