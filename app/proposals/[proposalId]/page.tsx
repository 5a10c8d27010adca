import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RoleBadge } from '@/app/_components/badges';
import { ProposalWorkspace } from '@/app/_components/dissents/proposal-workspace';
import { LiveStatusBadge } from '@/app/_components/round/live-status-badge';
import { idOrNotFound } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { ui } from '@/app/_lib/styles';
import { canTakePart, isOpenToDissent } from '@/core/dissent-rules';
import { colorFor } from '@/core/presence';
import { getProposal } from '@/server/services/get-proposal';

type Props = { params: Promise<{ proposalId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('proposal');
  return { title: t('metaTitle') };
}

/** A proposal's particulars, its stage (decision, stances, tally, motions), its live text and its dissents, for members of its assembly only (others get the not-found page). */
export default async function ProposalPage({ params }: Props) {
  const { proposalId } = await params;
  const user = await requireUser(`/proposals/${proposalId}`);
  const [proposal, t, format] = await Promise.all([
    orNotFound(getProposal(await database(), user.id, idOrNotFound(proposalId))),
    getTranslations('proposal'),
    getFormatter(),
  ]);
  const created = new Date(proposal.createdAt);
  const lastActivity = new Date(proposal.lastActivityAt);
  // The panel hides what the server would refuse; the server refuses it anyway.
  const closedReason = !canTakePart(proposal.myRole) ? 'observer' : !isOpenToDissent(proposal.status) ? 'closed' : null;
  return (
    <article className="space-y-6">
      <Link href={`/assemblies/${proposal.assembly.id}`} className={`${ui.link} text-sm`}>
        {t('back', { assembly: proposal.assembly.name })}
      </Link>
      <header className="space-y-3">
        <h1 className={`${ui.pageTitle} break-words`}>{proposal.title}</h1>
        <LiveStatusBadge proposalId={proposal.id} initial={proposal.status} />
      </header>
      <dl className={`${ui.card} grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]`}>
        <dt className="font-medium text-stone-700">{t('assembly')}</dt>
        <dd>
          <Link href={`/assemblies/${proposal.assembly.id}`} className={`${ui.link} break-words`}>
            {proposal.assembly.name}
          </Link>
        </dd>
        <dt className="font-medium text-stone-700">{t('authors')}</dt>
        <dd className="break-words">{format.list(proposal.authors.map((author) => author.name), { type: 'conjunction' })}</dd>
        <dt className="font-medium text-stone-700">{t('created')}</dt>
        <dd>
          <time dateTime={proposal.createdAt}>{format.dateTime(created, { dateStyle: 'long', timeStyle: 'short' })}</time>
        </dd>
        <dt className="font-medium text-stone-700">{t('lastActivity')}</dt>
        <dd>
          <time dateTime={proposal.lastActivityAt} title={format.dateTime(lastActivity, { dateStyle: 'long', timeStyle: 'short' })}>
            {format.relativeTime(lastActivity, new Date())}
          </time>
        </dd>
        <dt className="font-medium text-stone-700">{t('yourRole')}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <RoleBadge role={proposal.myRole} />
          {proposal.isAuthor ? <span className="text-sm text-stone-600">{t('youAreAuthor')}</span> : null}
        </dd>
      </dl>
      <ProposalWorkspace
        proposalId={proposal.id}
        assemblyId={proposal.assembly.id}
        status={proposal.status}
        user={{ id: user.id, name: user.name, color: colorFor(user.id) }}
        canWrite={proposal.canWrite}
        closedReason={closedReason}
      />
    </article>
  );
}
