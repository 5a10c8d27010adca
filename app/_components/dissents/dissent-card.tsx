'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { DissentView } from '@/core/dissent-views';
import { DissentActions } from './dissent-actions';
import { DissentHistory } from './dissent-history';
import { DissentThread } from './dissent-thread';
import { PassageLine } from './passage-line';
import { ReviseDissentForm } from './revise-dissent-form';
import { RichText } from './rich-text';
import { toggleButton } from './toggle-style';

interface DissentCardProps {
  dissent: DissentView;
  /** Filed by someone else since this member last looked (this visit keeps the mark). */
  isNew: boolean;
  /** Whether its thread is open. */
  open: boolean;
  onToggle: () => void;
  /** Whether the editor finds its passage now; undefined until it has looked. */
  passageFound: boolean | undefined;
  showPassage: (dissentId: string) => boolean;
  mayTakePart: boolean;
  /** Something changed through this card: read the list again. */
  onChanged: () => void;
}

/**
 * One dissent: title, author, how many stand behind it and who, its passage
 * (or "passage removed" with the quote it had), its words, its alternative
 * wording, and what this member may do: co-sign or take the signature back,
 * or, for its author, revise and withdraw. Its thread opens below.
 */
export function DissentCard({ dissent, isNew, open, onToggle, passageFound, showPassage, mayTakePart, onChanged }: DissentCardProps) {
  const t = useTranslations('dissents');
  const format = useFormatter();
  const [revising, setRevising] = useState(false);
  const [history, setHistory] = useState(false);
  const titleId = useId();
  const threadId = useId();
  const standing = dissent.state === 'standing';
  const backers = [dissent.author.name, ...dissent.signers.map((signer) => signer.name)];
  const replies = dissent.replies.length;

  return (
    <article
      id={`dissent-${dissent.id}`}
      aria-labelledby={titleId}
      data-testid="dissent"
      data-state={dissent.state}
      className={`dissent-card space-y-3 rounded-lg border bg-white p-3 shadow-sm ${open ? 'border-amber-500 ring-1 ring-amber-500/40' : 'border-stone-200'}`}
    >
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          {isNew ? <span className="inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset bg-teal-50 text-teal-900 ring-teal-300">{t('new')}</span> : null}
          {!standing ? <span className="inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset bg-stone-100 text-stone-700 ring-stone-300">{t('withdrawn')}</span> : null}
        </div>
        <h3 id={titleId} className="font-semibold break-words text-stone-900">
          {dissent.title}
        </h3>
        <p className="text-sm text-stone-600">
          {t('byline', { name: dissent.author.name })}
          {' · '}
          <time dateTime={dissent.createdAt}>{format.dateTime(new Date(dissent.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
          {dissent.revision > 1 ? ` · ${t('revisedCount', { count: dissent.revision - 1 })}` : null}
        </p>
        {!standing && dissent.withdrawnAt ? (
          <p className="text-sm text-stone-700">
            {t('withdrawnOn', { date: format.dateTime(new Date(dissent.withdrawnAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
          </p>
        ) : null}
        <p className="text-sm font-medium text-stone-800" data-testid="minority">
          {t('minority', { count: backers.length, names: format.list(backers, { type: 'conjunction' }) })}
        </p>
      </header>

      <PassageLine dissent={dissent} found={passageFound} onShow={() => showPassage(dissent.id)} />

      {revising ? (
        <ReviseDissentForm
          dissent={dissent}
          onDone={(changed) => {
            setRevising(false);
            if (changed) onChanged();
          }}
        />
      ) : (
        <>
          <RichText html={dissent.bodyHtml} className="text-sm" />
          {dissent.alternativeWording ? (
            <div className="space-y-1">
              <p className="text-sm font-medium text-stone-800">{t('alternative')}</p>
              <blockquote className="dissent-quote whitespace-pre-wrap" data-testid="alternative-wording">
                {dissent.alternativeWording}
              </blockquote>
            </div>
          ) : null}
        </>
      )}

      <DissentActions
        dissent={dissent}
        mayTakePart={mayTakePart}
        revising={revising}
        onRevise={() => setRevising(true)}
        history={history}
        onHistory={() => setHistory((shown) => !shown)}
        onChanged={onChanged}
      />
      {history ? <DissentHistory dissentId={dissent.id} revision={dissent.revision} /> : null}

      <div className="border-t border-stone-200 pt-2">
        <button type="button" className={toggleButton} aria-expanded={open} aria-controls={threadId} onClick={onToggle}>
          <span>{t('thread', { count: replies })}</span>
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        <div id={threadId} hidden={!open}>
          {open ? <DissentThread dissent={dissent} mayTakePart={mayTakePart && standing} onChanged={onChanged} /> : null}
        </div>
      </div>
    </article>
  );
}
