import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NoRecord } from '@/app/_components/record/no-record';
import { RecordRounds } from '@/app/_components/record/record-rounds';
import { RecordView } from '@/app/_components/record/record-view';
import { idOrNotFound } from '@/app/_lib/assembly-data';
import { database, requireUser } from '@/app/_lib/current-user';
import { orNotFound } from '@/app/_lib/or-not-found';
import { closedRounds } from '@/app/_lib/record-rounds';
import { ui } from '@/app/_lib/styles';
import { isAppError } from '@/core/errors';
import type { ProposalRecord } from '@/core/record';
import { idSchema } from '@/core/schemas';
import type { Db } from '@/server/db/database';
import { getLedger } from '@/server/services/get-ledger';
import { getProposal } from '@/server/services/get-proposal';
import { getRecord } from '@/server/services/get-record';

type Props = {
  params: Promise<{ proposalId: string }>;
  searchParams: Promise<{ decisionId?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('record');
  return { title: t('metaTitle') };
}

/** The record, or null when there is none (no decision closed yet, or not the decision asked for). */
async function recordOrNull(db: Db, userId: string, proposalId: string, decisionId: string | undefined): Promise<ProposalRecord | null> {
  try {
    return await getRecord(db, userId, proposalId, decisionId);
  } catch (error) {
    if (isAppError(error) && error.reason === 'RECORD_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The published record of a proposal's decision (the latest closed one, or
 * `?decisionId=` for an earlier round), for members of its assembly only;
 * a friendly "no record yet" before any decision has closed.
 */
export default async function ProposalRecordPage({ params, searchParams }: Props) {
  const { proposalId } = await params;
  const asked = (await searchParams).decisionId;
  const decisionParam = typeof asked === 'string' ? asked : undefined;
  const user = await requireUser(`/proposals/${proposalId}/record${decisionParam ? `?decisionId=${encodeURIComponent(decisionParam)}` : ''}`);
  const db = await database();
  const id = idOrNotFound(proposalId);
  const [proposal, t] = await Promise.all([orNotFound(getProposal(db, user.id, id)), getTranslations('record')]);
  // An id the API would refuse cannot name a decision: there is no record of it.
  const validDecision = decisionParam === undefined || idSchema.safeParse(decisionParam).success;
  const [record, ledger] = await Promise.all([
    validDecision ? recordOrNull(db, user.id, id, decisionParam) : Promise.resolve(null),
    getLedger(db, user.id, id),
  ]);
  const rounds = closedRounds(ledger.entries);
  const shown = record ? (rounds.find((round) => round.seq === record.ledger.outcomeSeq) ?? null) : null;
  return (
    <article className="record-page space-y-8">
      <nav className="flex flex-wrap gap-x-4 gap-y-1 text-sm record-no-print" aria-label={t('navLabel')}>
        <Link href={`/proposals/${proposal.id}`} className={ui.link}>
          {t('back', { title: proposal.title })}
        </Link>
        <Link href={`/proposals/${proposal.id}/history`} className={ui.link}>
          {t('toHistory')}
        </Link>
      </nav>
      {record ? (
        <RecordView
          record={record}
          why={stringOrNull(ledger.entries.find((entry) => entry.seq === record.ledger.outcomeSeq)?.data.why)}
          decisionId={decisionParam ?? null}
          latest={shown !== null && shown.decisionId === rounds.at(-1)?.decisionId}
        />
      ) : (
        <NoRecord title={proposal.title} asked={decisionParam !== undefined} />
      )}
      <RecordRounds proposalId={proposal.id} rounds={rounds} shownDecisionId={shown?.decisionId ?? null} />
    </article>
  );
}

const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
