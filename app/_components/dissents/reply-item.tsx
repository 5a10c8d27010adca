'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ReplyView } from '@/core/dissent-views';
import { ui } from '@/app/_lib/styles';
import { useApiAction } from '@/app/_lib/use-api-action';
import { ConfirmStep } from '../confirm-step';
import { ReplyForm } from './reply-form';
import { ReplyHistory } from './reply-history';
import type { ReplyNode } from './reply-tree';
import { RichText } from './rich-text';

/** Deeper replies stop moving right (a narrow screen would run out of room) and name whom they answer instead. */
const MAX_INDENT = 3;

interface ReplyItemProps {
  node: ReplyNode;
  depth: number;
  dissentId: string;
  mayTakePart: boolean;
  /** Name of the author of the reply this one answers, shown once indentation stops. */
  parentAuthor?: string;
  onChanged: () => void;
}

/**
 * One reply and the answers to it. Its author may revise it (it then reads
 * "edited", and the history keeps every version) or retract it (a tombstone
 * stays in its place, history kept); nobody else can.
 */
export function ReplyItem({ node, depth, dissentId, mayTakePart, parentAuthor, onChanged }: ReplyItemProps) {
  const t = useTranslations('dissents.replies');
  const format = useFormatter();
  const { reply, children } = node;
  const [mode, setMode] = useState<'read' | 'answer' | 'revise'>('read');
  const [history, setHistory] = useState(false);
  const retract = useApiAction();
  const mine = reply.mine && mayTakePart && !reply.retracted;
  const edited = reply.revision > 1;

  return (
    <li className="space-y-2" data-testid="reply" data-depth={depth}>
      <article aria-label={t('itemLabel', { name: reply.author.name })} className="space-y-1">
        <p className="text-sm text-stone-600">
          <span className="font-medium text-stone-900">{reply.author.name}</span>
          {depth >= MAX_INDENT && parentAuthor ? <span> {t('inReplyTo', { name: parentAuthor })}</span> : null}
          {' · '}
          <time dateTime={reply.createdAt}>{format.dateTime(new Date(reply.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
          {edited ? (
            <>
              {' · '}
              <button type="button" className="underline decoration-stone-400 underline-offset-2 hover:decoration-stone-700" aria-expanded={history} onClick={() => setHistory((shown) => !shown)}>
                {history ? t('hideHistory') : t('edited')}
              </button>
            </>
          ) : null}
        </p>
        {reply.retracted ? (
          <p className="rounded-md border border-dashed border-stone-300 bg-stone-50 px-2 py-1 text-sm text-stone-600 italic" data-testid="reply-retracted">
            {t('retracted')}
          </p>
        ) : mode === 'revise' ? (
          <ReplyForm
            url={`/api/replies/${reply.id}/revisions`}
            initial={reply.body ?? ''}
            label={t('reviseLabel')}
            submitLabel={t('saveRevision')}
            pendingLabel={t('saving')}
            autoFocus
            cancellable
            onDone={(changed) => {
              setMode('read');
              if (changed) onChanged();
            }}
          />
        ) : (
          <RichText html={reply.bodyHtml ?? ''} className="text-sm" />
        )}
        {history ? <ReplyHistory replyId={reply.id} revision={reply.revision} /> : null}
        {reply.retracted && !edited ? (
          <button type="button" className="text-sm underline decoration-stone-400 underline-offset-2" aria-expanded={history} onClick={() => setHistory((shown) => !shown)}>
            {history ? t('hideHistory') : t('historyOfRetracted')}
          </button>
        ) : null}
        {mode === 'read' ? (
          <div className="flex flex-wrap gap-2">
            {mayTakePart && !reply.retracted ? (
              <button type="button" className={ui.smallButton} aria-label={t('answerLabel', { name: reply.author.name })} onClick={() => setMode('answer')}>
                {t('answer')}
              </button>
            ) : null}
            {mine ? (
              <button type="button" className={ui.smallButton} aria-label={t('reviseButtonLabel')} onClick={() => setMode('revise')}>
                {t('revise')}
              </button>
            ) : null}
            {mine ? (
              <ConfirmStep
                label={t('retract')}
                ariaLabel={t('retractLabel')}
                question={t('retractQuestion')}
                confirmLabel={t('retractYes')}
                pendingLabel={t('retracting')}
                pending={retract.pending}
                error={retract.error}
                onConfirm={async () => {
                  const result = await retract.run(`/api/replies/${reply.id}/retraction`, 'POST', {});
                  if (result.ok) onChanged();
                }}
              />
            ) : null}
          </div>
        ) : null}
        {mode === 'answer' ? (
          <ReplyForm
            url={`/api/dissents/${dissentId}/replies`}
            parentReplyId={reply.id}
            label={t('answerFieldLabel', { name: reply.author.name })}
            submitLabel={t('post')}
            pendingLabel={t('posting')}
            autoFocus
            cancellable
            onDone={(changed) => {
              setMode('read');
              if (changed) onChanged();
            }}
          />
        ) : null}
      </article>
      {children.length > 0 ? (
        <ul className={`space-y-3 ${depth + 1 <= MAX_INDENT ? 'ml-2 border-l-2 border-stone-200 pl-3' : ''}`}>
          {children.map((child) => (
            <ReplyItem
              key={child.reply.id}
              node={child}
              depth={depth + 1}
              dissentId={dissentId}
              mayTakePart={mayTakePart}
              parentAuthor={reply.author.name}
              onChanged={onChanged}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
