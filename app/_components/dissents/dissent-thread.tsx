'use client';

import { useTranslations } from 'next-intl';
import type { DissentView } from '@/core/dissent-views';
import { ReplyForm } from './reply-form';
import { ReplyItem } from './reply-item';
import { replyTree } from './reply-tree';

/**
 * A dissent's thread: replies nested under the ones they answer, and a form
 * for a new reply. Members reply; observers read.
 */
export function DissentThread({ dissent, mayTakePart, onChanged }: { dissent: DissentView; mayTakePart: boolean; onChanged: () => void }) {
  const t = useTranslations('dissents.replies');
  const tree = replyTree(dissent.replies);
  return (
    <div className="space-y-3 pt-3">
      {tree.length === 0 ? (
        <p className="text-sm text-stone-600">{t('none')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('label', { title: dissent.title })}>
          {tree.map((node) => (
            <ReplyItem key={node.reply.id} node={node} depth={0} dissentId={dissent.id} mayTakePart={mayTakePart} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {mayTakePart ? (
        <ReplyForm
          url={`/api/dissents/${dissent.id}/replies`}
          parentReplyId={null}
          label={t('newLabel')}
          submitLabel={t('post')}
          pendingLabel={t('posting')}
          onDone={(changed) => {
            if (changed) onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
