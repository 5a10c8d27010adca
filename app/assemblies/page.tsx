import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RoleBadge } from '@/app/_components/badges';
import { CreateAssemblyForm } from '@/app/_components/create-assembly-form';
import { LiveAssemblies } from '@/app/_components/live-assemblies';
import { database, requireUser } from '@/app/_lib/current-user';
import { ui } from '@/app/_lib/styles';
import { listMyAssemblies } from '@/server/services/list-my-assemblies';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assemblies');
  return { title: t('title') };
}

/** The member's assemblies, and a form to create another. */
export default async function AssembliesPage() {
  const user = await requireUser('/assemblies');
  const [t, assemblies] = await Promise.all([getTranslations('assemblies'), listMyAssemblies(await database(), user.id)]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="assemblies-title" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h1 id="assemblies-title" className={ui.pageTitle}>
            {t('title')}
          </h1>
          <LiveAssemblies assemblies={assemblies.map(({ id, name }) => ({ id, name }))} userId={user.id} />
        </div>
        {assemblies.length === 0 ? (
          <p className={`${ui.card} text-stone-700`}>{t('empty')}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {assemblies.map((assembly) => (
              <li key={assembly.id} className={`${ui.card} flex flex-col gap-2`}>
                <Link href={`/assemblies/${assembly.id}`} className={`${ui.link} text-lg break-words`}>
                  {assembly.name}
                </Link>
                {assembly.description ? <p className="line-clamp-2 text-sm text-stone-700">{assembly.description}</p> : null}
                <p className="mt-auto flex flex-wrap items-center gap-2 text-sm text-stone-600">
                  <span className="sr-only">{t('yourRole')}</span>
                  <RoleBadge role={assembly.myRole} />
                  <span>{t('memberCount', { count: assembly.memberCount })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-assembly-title" className={`${ui.card} max-w-xl`}>
        <h2 id="create-assembly-title" className={`${ui.sectionTitle} mb-4`}>
          {t('create.title')}
        </h2>
        <CreateAssemblyForm />
      </section>
    </div>
  );
}
