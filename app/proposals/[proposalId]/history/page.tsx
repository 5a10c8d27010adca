import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { VersionHistory } from '@/app/_components/history/version-history';
import { idOrNotFound } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { getProposal } from '@/server/services/get-proposal';

type Props = { params: Promise<{ proposalId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('history');
  return { title: t('metaTitle') };
}

/** A proposal's versions and the word-level changes between any two, for members of its assembly only. */
export default async function ProposalHistoryPage({ params }: Props) {
  const { proposalId } = await params;
  const user = await requireUser(`/proposals/${proposalId}/history`);
  const [proposal, t] = await Promise.all([
    orNotFound(getProposal(await database(), user.id, idOrNotFound(proposalId))),
    getTranslations('history'),
  ]);
  return (
    <article className="space-y-6">
      <nav className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('navLabel')}>
        <Link href={`/proposals/${proposal.id}`} className={ui.link}>
          {t('back', { title: proposal.title })}
        </Link>
        <Link href={`/proposals/${proposal.id}/record`} className={ui.link}>
          {t('toRecord')}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className={`${ui.pageTitle} break-words`}>{t('title')}</h1>
        <p className={`${ui.muted} break-words`}>{proposal.title}</p>
      </header>
      <VersionHistory proposalId={proposal.id} canWrite={proposal.canWrite} />
    </article>
  );
}
