import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ProposalsLiveStatus } from '@/app/_components/live-hints';
import { NewProposalForm } from '@/app/_components/new-proposal-form';
import { ProposalList } from '@/app/_components/proposal-list';
import { loadAssembly } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { can } from '@/core/roles';
import { listMembers } from '@/server/services/list-members';
import { listProposals } from '@/server/services/list-proposals';

type Props = { params: Promise<{ assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('proposals');
  return { title: t('title') };
}

/** An assembly's default tab: its proposals, and for those who may write, a form to start one. */
export default async function AssemblyProposalsPage({ params }: Props) {
  const { assemblyId } = await params;
  const user = await requireUser(`/assemblies/${assemblyId}`);
  const assembly = await loadAssembly(user.id, assemblyId);
  const db = await database();
  const mayWrite = can(assembly.myRole, 'create-proposal');
  const [t, proposals, members] = await Promise.all([
    getTranslations('proposals'),
    orNotFound(listProposals(db, user.id, assembly.id)),
    mayWrite ? orNotFound(listMembers(db, user.id, assembly.id)) : Promise.resolve([]),
  ]);
  const coAuthors = members
    .filter((member) => member.userId !== user.id && can(member.role, 'co-author'))
    .map((member) => ({ userId: member.userId, name: member.name }));
  return (
    <div className="space-y-8">
      <section aria-labelledby="proposals-title" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="proposals-title" className={ui.sectionTitle}>
            {t('title')}
          </h2>
          <ProposalsLiveStatus assemblyId={assembly.id} />
        </div>
        <ProposalList proposals={proposals} emptyText={mayWrite ? t('emptyWriter') : t('empty')} />
      </section>
      {mayWrite ? (
        <section aria-labelledby="new-proposal-title" className={`${ui.card} max-w-xl`}>
          <h2 id="new-proposal-title" className={`${ui.sectionTitle} mb-4`}>
            {t('new.title')}
          </h2>
          <NewProposalForm assemblyId={assembly.id} coAuthors={coAuthors} />
        </section>
      ) : null}
    </div>
  );
}
