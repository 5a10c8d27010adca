import { currentSigners } from '../../core/dissent-rules';
import type { DissentView, ReplyView } from '../../core/dissent-views';
import type { Queryable } from '../db/database';
import { loadCommittedText, passageState } from './committed-text';
import type { DissentRows } from './dissent-rows';
import { loadDissentRows, seenSeqOf } from './dissent-rows';
import { readLedgerHead } from './ledger-writer';
import { renderMarkdown } from './render-markdown';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function replyViews(rows: DissentRows, viewerId: string): Map<string, ReplyView[]> {
  const revisions = groupBy(rows.replyRevisions, (r) => r.replyId);
  const retracted = new Map(rows.retractions.map((r) => [r.replyId, r.createdAt]));
  const views = rows.replies.map((reply): ReplyView => {
    const history = revisions.get(reply.id) ?? [];
    const latest = history.at(-1);
    const retractedAt = retracted.get(reply.id);
    return {
      id: reply.id,
      dissentId: reply.dissentId,
      parentReplyId: reply.parentReplyId,
      author: { id: reply.authorId, name: reply.authorName },
      body: retractedAt || !latest ? null : latest.body,
      bodyHtml: retractedAt || !latest ? null : renderMarkdown(latest.body),
      retracted: Boolean(retractedAt),
      retractedAt: retractedAt?.toISOString() ?? null,
      revision: latest?.revision ?? 0,
      createdAt: reply.createdAt.toISOString(),
      revisedAt: (latest?.createdAt ?? reply.createdAt).toISOString(),
      mine: reply.authorId === viewerId,
    };
  });
  return groupBy(views, (v) => v.dissentId);
}

/**
 * Builds the views of a proposal's dissents (all, or those in `dissentIds`)
 * for one viewer. Anchored passages are located in the committed text, so
 * every viewer is told the same thing about whether a passage still exists.
 */
export async function loadDissentViews(db: Queryable, viewerId: string, proposalId: string, dissentIds?: string[]) {
  const [rows, head, seenSeq] = await Promise.all([
    loadDissentRows(db, proposalId, dissentIds),
    readLedgerHead(db, proposalId),
    seenSeqOf(db, proposalId, viewerId),
  ]);
  const anchored = rows.dissents.some((d) => d.anchorStart && d.anchorEnd);
  const text = anchored ? await loadCommittedText(db, proposalId) : undefined;
  const revisions = groupBy(rows.revisions, (r) => r.dissentId);
  const withdrawn = new Map(rows.withdrawals.map((w) => [w.dissentId, w.createdAt]));
  const signatures = groupBy(rows.signatures, (s) => s.dissentId);
  const replies = replyViews(rows, viewerId);

  const dissents = rows.dissents.flatMap((row): DissentView[] => {
    const latest = revisions.get(row.id)?.at(-1);
    if (!latest) return [];
    const names = new Map((signatures.get(row.id) ?? []).map((s) => [s.userId, s.userName]));
    const signers = [
      ...currentSigners((signatures.get(row.id) ?? []).map((s) => ({ userId: s.userId, action: s.action, at: s.createdAt }))),
    ].map(([id, at]) => ({ id, name: names.get(id) ?? '', signedAt: at.toISOString() }));
    const withdrawnAt = withdrawn.get(row.id);
    const ledgerSeq = rows.filedAt.get(row.id) ?? 0;
    const quote =
      row.quoteExact !== null ? { exact: row.quoteExact, prefix: row.quotePrefix ?? '', suffix: row.quoteSuffix ?? '' } : null;
    let anchor: DissentView['anchor'] = null;
    if (row.anchorStart && row.anchorEnd && quote && text) {
      const located = passageState(text, { start: row.anchorStart, end: row.anchorEnd, quote });
      anchor = { start: base64(row.anchorStart), end: base64(row.anchorEnd), quote, passage: located.passage };
    }
    return [
      {
        id: row.id,
        proposalId: row.proposalId,
        author: { id: row.authorId, name: row.authorName },
        state: withdrawnAt ? 'withdrawn' : 'standing',
        withdrawnAt: withdrawnAt?.toISOString() ?? null,
        anchor,
        title: latest.title,
        body: latest.body,
        bodyHtml: renderMarkdown(latest.body),
        alternativeWording: latest.alternativeWording,
        revision: latest.revision,
        createdAt: row.createdAt.toISOString(),
        revisedAt: latest.createdAt.toISOString(),
        signers,
        replies: replies.get(row.id) ?? [],
        isNew: !withdrawnAt && row.authorId !== viewerId && ledgerSeq > seenSeq,
        ledgerSeq,
        mine: row.authorId === viewerId,
        iSigned: signers.some((s) => s.id === viewerId),
      },
    ];
  });
  return { dissents, ledgerHead: head, seenSeq, rows };
}
