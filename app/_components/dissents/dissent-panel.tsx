'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { LiveSnapshot } from '@/app/_lib/live-session';
import { ui } from '@/app/_lib/styles';
import type { DissentsState } from '@/app/_lib/use-dissents';
import { useLedgerHead } from '@/app/_lib/use-ledger-head';
import type { ResolvedPassages } from '../live-editor/dissent-highlights';
import { LiveStatus, useAnnouncement } from '../live-status';
import { DissentCard } from './dissent-card';
import { FileDissent } from './file-dissent';
import { HistoryWarning } from './history-warning';
import { LedgerStatus } from './ledger-status';
import type { ShowPassage } from './show-passage';
import { toggleButton } from './toggle-style';
import { useMarkSeen, useNewHere } from './use-seen';

interface DissentPanelProps {
  proposalId: string;
  state: DissentsState;
  editor: Editor | null;
  snapshot: LiveSnapshot | null;
  passages: ResolvedPassages;
  openId: string | null;
  onOpenChange: (id: string | null) => void;
  /** Changes when a highlight was clicked: bring the open thread into view. */
  reveal: number;
  showPassage: ShowPassage;
  mayTakePart: boolean;
  closedReason: 'observer' | 'closed' | null;
}

/**
 * The dissents of a proposal, beside the text on wide screens and under it
 * on narrow ones: standing dissents first, withdrawn ones folded away and
 * marked, a way to file one, and the record's head with "Verify". Loading,
 * empty and failed states each say what is going on.
 */
export function DissentPanel(props: DissentPanelProps) {
  const { proposalId, state, openId, onOpenChange, reveal, mayTakePart, closedReason } = props;
  const t = useTranslations('dissents');
  const panel = useRef<HTMLElement>(null);
  const { message, announce } = useAnnouncement();
  const list = state.list;
  const dissents = list?.dissents ?? [];
  const standing = dissents.filter((dissent) => dissent.state === 'standing');
  const withdrawn = dissents.filter((dissent) => dissent.state === 'withdrawn');
  const ledger = useLedgerHead(proposalId, list ? (list.ledgerHead?.seq ?? 0) : null);
  const newHere = useNewHere(list, (dissent) => announce(t('announceNew', { title: dissent.title, name: dissent.author.name })));
  useMarkSeen(proposalId, list, panel);
  const [withdrawnOpen, setWithdrawnOpen] = useState(false);

  // A click on a highlight: the thread is open; on wide screens the panel scrolls to it by itself.
  useEffect(() => {
    if (reveal === 0 || !openId) return;
    const card = document.getElementById(`dissent-${openId}`);
    if (!card) return;
    if (window.matchMedia('(min-width: 1024px)').matches) card.scrollIntoView({ block: 'nearest' });
    const title = list?.dissents.find((dissent) => dissent.id === openId)?.title;
    if (title) announce(t('announceOpened', { title }));
    // Only a new click reveals; list updates must not scroll the panel again.
  }, [reveal]);

  const cards = (items: typeof dissents) =>
    items.map((dissent) => (
      <li key={dissent.id}>
        <DissentCard
          dissent={dissent}
          isNew={newHere.has(dissent.id)}
          open={openId === dissent.id}
          onToggle={() => onOpenChange(openId === dissent.id ? null : dissent.id)}
          passageFound={props.passages.has(dissent.id) ? props.passages.get(dissent.id) !== null : undefined}
          showPassage={props.showPassage}
          mayTakePart={mayTakePart}
          onChanged={state.reload}
        />
      </li>
    ));

  return (
    <section ref={panel} aria-labelledby="dissents-title" className="dissent-panel space-y-4" data-testid="dissent-panel">
      <div className="space-y-1">
        <h2 id="dissents-title" className={ui.sectionTitle}>
          {t('title')}
        </h2>
        {list ? <p className={ui.muted}>{t('summary', { standing: standing.length, withdrawn: withdrawn.length })}</p> : null}
        <LiveStatus message={message} />
      </div>

      {ledger.check?.kind === 'rewritten' ? <HistoryWarning check={ledger.check} onAcknowledge={ledger.acknowledge} /> : null}

      {mayTakePart ? (
        <FileDissent
          proposalId={proposalId}
          editor={props.editor}
          snapshot={props.snapshot}
          onFiled={(id) => {
            state.reload();
            onOpenChange(id);
            announce(t('announceFiled'));
          }}
        />
      ) : closedReason ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">{t(`readOnly.${closedReason}`)}</p>
      ) : null}

      {state.error ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{list ? t('staleError') : t('error')}</p>
          <button type="button" className={ui.smallButton} onClick={state.reload} disabled={state.loading}>
            {state.loading ? t('retrying') : t('retry')}
          </button>
        </div>
      ) : null}

      {!list && state.loading ? (
        <p role="status" className={ui.muted}>
          {t('loading')}
        </p>
      ) : null}

      {list && dissents.length === 0 ? <p className="text-sm text-stone-700">{t('empty')}</p> : null}

      {standing.length > 0 ? (
        <ol className="space-y-3" aria-label={t('standingLabel')}>
          {cards(standing)}
        </ol>
      ) : null}

      {withdrawn.length > 0 ? (
        <div className="space-y-2">
          <button type="button" className={toggleButton} aria-expanded={withdrawnOpen} onClick={() => setWithdrawnOpen((open) => !open)}>
            <span>{t('withdrawnGroup', { count: withdrawn.length })}</span>
            <span aria-hidden="true">{withdrawnOpen ? '▴' : '▾'}</span>
          </button>
          {withdrawnOpen ? (
            <ol className="space-y-3" aria-label={t('withdrawnLabel')}>
              {cards(withdrawn)}
            </ol>
          ) : null}
        </div>
      ) : null}

      <LedgerStatus proposalId={proposalId} head={ledger.head ?? list?.ledgerHead ?? null} />
    </section>
  );
}
