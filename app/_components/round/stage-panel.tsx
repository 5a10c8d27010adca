'use client';

import type { Editor } from '@tiptap/react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LiveSnapshot } from '@/app/_lib/live-session';
import type { RoundState } from '@/app/_lib/use-round';
import { ui } from '@/app/_lib/styles';
import { StatusBadge } from '../badges';
import { FileDissent } from '../dissents/file-dissent';
import { useFetched } from '../dissents/use-fetched';
import { LiveStatus, useAnnouncement } from '../live-status';
import { DecisionClosed } from './decision-closed';
import { DecisionOpen } from './decision-open';
import { Motions } from './motions';
import { StageActions } from './stage-actions';

interface StagePanelProps {
  proposalId: string;
  assemblyId: string;
  userId: string;
  round: RoundState;
  /** The text's editor and save state, for "file as a dissent" (a passage may be selected). */
  editor: Editor | null;
  snapshot: LiveSnapshot | null;
  /** A dissent was filed from a stance: show it in the dissents panel. */
  onDissentFiled: (dissentId: string) => void;
}

type VersionList = { versions: { id: string; name: string }[] };

/**
 * Where the proposal stands in its life: status and round, what its authors
 * may do next, the open decision (frozen text, deadline, stances, tally) or
 * the closed one (outcome, tally, record, reopening motions), and links to
 * the history of versions and to the record. Everything follows the round's
 * live events (see useRound).
 */
export function StagePanel({ proposalId, assemblyId, userId, round, editor, snapshot, onDissentFiled }: StagePanelProps) {
  const t = useTranslations('round');
  const { message, announce } = useAnnouncement();
  // The reason to prefill a dissent with, while its form is open.
  const [dissentFrom, setDissentFrom] = useState<{ body: string; key: number } | null>(null);
  const view = round.view;
  const decision = view?.decision ?? null;
  const versions = useFetched<VersionList>(`/api/proposals/${proposalId}/versions`, decision?.versionId ?? null);
  const frozenVersion = versions.data?.versions.find((version) => version.id === decision?.versionId);
  const versionLabel = frozenVersion?.name ?? (decision ? decision.versionId.slice(0, 8) : '');

  const closing = decision?.closing ?? null;
  const closed = view !== null && (view.status === 'adopted' || view.status === 'rejected');
  const decisionOpen = view?.status === 'decision' && decision?.open === true;

  return (
    <section aria-labelledby="stage-title" className={`${ui.card} space-y-4`} data-testid="stage-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h2 id="stage-title" className={ui.sectionTitle}>
          {t('title')}
        </h2>
        <nav aria-label={t('linksLabel')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/proposals/${proposalId}/history`} className={ui.link}>
            {t('history')}
          </Link>
          {closing ? (
            <Link href={`/proposals/${proposalId}/record`} className={ui.link}>
              {t('record')}
            </Link>
          ) : null}
        </nav>
      </div>
      <LiveStatus message={message} />
      {view ? (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm text-stone-800" data-testid="stage-status" data-status={view.status} data-round={view.round}>
            <StatusBadge status={view.status} />
            <span>{t('roundNumber', { round: view.round })}</span>
          </p>
          <p className="text-sm text-stone-700">{t(`explain.${view.status}`)}</p>
          <StageActions
            proposalId={proposalId}
            assemblyId={assemblyId}
            view={view}
            onChanged={() => {
              round.reload();
              announce(t('updated'));
            }}
          />
          {decisionOpen ? (
            <DecisionOpen
              proposalId={proposalId}
              view={view}
              versionLabel={versionLabel}
              onChanged={() => {
                round.reload();
                announce(t('stanceTaken'));
              }}
              onFileAsDissent={(body) => setDissentFrom({ body, key: Date.now() })}
            />
          ) : null}
          {dissentFrom && decisionOpen ? (
            <FileDissent
              key={dissentFrom.key}
              proposalId={proposalId}
              editor={editor}
              snapshot={snapshot}
              prefill={{ body: dissentFrom.body }}
              onClose={() => setDissentFrom(null)}
              onFiled={(id) => {
                setDissentFrom(null);
                announce(t('dissentFiled'));
                onDissentFiled(id);
              }}
            />
          ) : null}
          {decision && closing ? <DecisionClosed proposalId={proposalId} decision={{ ...decision, closing }} earlier={!closed} /> : null}
          {closed && decision ? (
            <Motions
              proposalId={proposalId}
              userId={userId}
              motions={view.motions.filter((motion) => motion.round === view.round)}
              required={view.settings.reopenSignatures}
              maySign={view.allowedActions.includes('reopen')}
              onChanged={round.reload}
            />
          ) : null}
        </>
      ) : round.error ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{t('error')}</p>
          <button type="button" className={ui.smallButton} onClick={round.reload}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <p role="status" className={ui.muted}>
          {t('loading')}
        </p>
      )}
    </section>
  );
}
