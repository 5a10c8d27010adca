import type { Db } from '../db/database';
import { getRecord } from './get-record';
import { recordToMarkdown } from './record-markdown';
import { recordToPdf } from './record-pdf';

/** A record as a file to download. */
export interface RecordFile {
  body: Uint8Array | string;
  contentType: string;
  filename: string;
}

/** A file name from a title: letters and digits kept (any script), the rest folded into dashes. */
function fileStem(title: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || 'proposal';
}

/** The record of a proposal's latest (or given) closed decision, as Markdown or PDF. Any member. */
export async function exportRecord(db: Db, userId: string, proposalId: string, format: 'markdown' | 'pdf', decisionId?: string): Promise<RecordFile> {
  const record = await getRecord(db, userId, proposalId, decisionId);
  const stem = `${fileStem(record.proposal.title)}-round-${record.proposal.round}-record`;
  if (format === 'markdown') {
    return { body: recordToMarkdown(record), contentType: 'text/markdown; charset=utf-8', filename: `${stem}.md` };
  }
  return { body: await recordToPdf(record), contentType: 'application/pdf', filename: `${stem}.pdf` };
}
