import type { Node as PMNode } from '@tiptap/pm/model';
import type { RecordMinorityReport } from '@/core/record';
import { SURVIVING_SHARE } from '@/core/text-anchor';
import { linearText } from '@/core/text-linear';
import { anchorBudget, findEditedQuote, findQuote } from '@/core/text-quote';

/** A passage of the record's text, in offsets of its linear text (core/text-linear.ts), with the id the page gives it. */
export interface PassageRange {
  id: string;
  start: number;
  end: number;
}

/** The fragment id of the passage a minority report quotes, in the rendered text. */
export const passageIdOf = (report: Pick<RecordMinorityReport, 'anchorId'>) => `${report.anchorId}-passage`;

/**
 * Where each minority report's quoted passage lies in the final text, found
 * again from its quote as the server found it: the exact words (their
 * context breaking ties), else, for a passage edited after it was quoted,
 * the words between its context. A removed passage, or one not found within
 * the anchor's work budget, has no range: the report shows its quote alone.
 */
export function locatePassages(doc: PMNode, reports: readonly RecordMinorityReport[]): PassageRange[] {
  const linear = linearText(doc);
  const ranges: PassageRange[] = [];
  for (const report of reports) {
    const passage = report.passage;
    if (!passage || passage.state === 'removed') continue;
    const budget = anchorBudget(linear.text.length, passage.quote);
    const match =
      findQuote(linear, passage.quote, undefined, budget) ??
      (passage.state === 'reanchored' ? findEditedQuote(linear, passage.quote, SURVIVING_SHARE, undefined, budget) : null);
    if (match && match.end > match.start) ranges.push({ id: passageIdOf(report), start: match.start, end: match.end });
  }
  return ranges;
}
