/**
 * The record of a decided proposal as a Markdown document: what the record
 * page shows, in a form that can be mailed, archived or diffed. Made from a
 * ProposalRecord alone (no database).
 */
import type { DissentQuote } from '../../core/dissent-views';
import type { ProposalRecord, RecordMinorityReport } from '../../core/record';
import {
  englishRecordLabels,
  formatCount,
  formatInstant,
  ruleSummary,
  TALLY_ROWS,
  verifyHints,
  type RecordLabels,
} from './record-labels';
import { proseToMarkdown } from './record-markdown-serializer';
import { markdownToText, textFromJson } from './record-prose';

/** How a record is exported. */
export interface RecordExportOptions {
  /** The fixed wording; English when left out. */
  labels?: RecordLabels;
}

/**
 * Plain text (a title, a name) as Markdown that reads as exactly that text:
 * every character with a Markdown meaning escaped, line breaks folded.
 */
export function escapeMarkdownText(text: string): string {
  return escapeInline(text.trim())
    // At the start of a line (a list item's first words) these would open a list or a quote.
    .replace(/^([-+=>]|\d+[.)])/, (start) => start.replace(/[-+=>.)]/, '\\$&'));
}

/** Like escapeMarkdownText, for text in the middle of a line: spaces kept (folded), nothing trimmed. */
function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|~&!]/g, '\\$&');
}

/** Text as an inline code span, whatever backticks it holds. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Markdown lines inside a block quote. */
function quoted(markdown: string): string {
  return markdown
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A member's Markdown, re-written through the text schema: headings below `headingOffset`, raw HTML as text. */
function memberMarkdown(source: string, headingOffset: number): string {
  return proseToMarkdown(markdownToText(source), headingOffset).trimEnd();
}

/** The quoted passage with its context, the quoted words in bold. */
function passageLine(quote: DissentQuote): string {
  const exact = quote.exact.replace(/\s+/g, ' ');
  // Emphasis cannot open or close on a space: keep the quote's own spaces outside the asterisks.
  const lead = exact.startsWith(' ') ? ' ' : '';
  const trail = exact.endsWith(' ') ? ' ' : '';
  if (exact.trim() === '') return `…${escapeInline(quote.prefix)}${lead}${escapeInline(quote.suffix)}…`;
  return `…${escapeInline(quote.prefix)}${lead}**${escapeInline(exact.trim())}**${trail}${escapeInline(quote.suffix)}…`;
}

/** Only characters that are safe inside an HTML attribute and a URL fragment. */
function fragmentId(anchorId: string): string {
  return anchorId.replace(/[^A-Za-z0-9_-]/g, '-');
}

function tallySection(record: ProposalRecord, labels: RecordLabels): string[] {
  const { tally } = record;
  const header = (['equal', 'weighted'] as const).map((counting) =>
    counting === tally.decidedBy ? `**${labels.counting[counting]}** (${labels.decides})` : labels.counting[counting],
  );
  const rows = TALLY_ROWS.map((row) => {
    const cells = [labels.stances[row], formatCount(tally.equal[row]), formatCount(tally.weighted[row])];
    return `| ${(row === 'total' ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`;
  });
  return [
    `## ${labels.decision}`,
    '',
    `| ${labels.stance} | ${header.join(' | ')} |`,
    '| --- | ---: | ---: |',
    ...rows,
    '',
    labels.decidedBy(labels.counting[tally.decidedBy].toLowerCase()),
    '',
    `${labels.rule}: ${escapeMarkdownText(ruleSummary(record, labels))}.`,
    '',
  ];
}

function minorityReport(report: RecordMinorityReport, n: number, labels: RecordLabels): string[] {
  const lines = [
    `<a id="${fragmentId(report.anchorId)}"></a>`,
    '',
    `### ${labels.minorityReport(n)}: ${escapeMarkdownText(report.title)}`,
    '',
    `*${labels.by} ${escapeMarkdownText(report.author.name)}, ${labels.filed} ${formatInstant(report.filedAt)}*`,
    '',
  ];
  if (report.passage) {
    lines.push(`**${labels.passage}** (${labels.passageStates[report.passage.state]}):`, '', `> ${passageLine(report.passage.quote)}`, '');
  } else {
    lines.push(`*${labels.wholeProposal}*`, '');
  }
  lines.push(memberMarkdown(report.body, 3), '');
  if (report.alternativeWording !== null && report.alternativeWording.trim() !== '') {
    lines.push(`**${labels.alternativeWording}:**`, '', quoted(memberMarkdown(report.alternativeWording, 3)), '');
  }
  const signers = report.coSigners.map((signer) => `${escapeMarkdownText(signer.name)} (${formatInstant(signer.signedAt)})`);
  lines.push(signers.length > 0 ? `**${labels.coSigners}:** ${signers.join(', ')}` : `*${labels.noCoSigners}*`, '');
  return lines;
}

function ledgerSection(record: ProposalRecord, labels: RecordLabels): string[] {
  const hints = verifyHints(record.proposal.id);
  return [
    `## ${labels.ledger}`,
    '',
    labels.pinned(record.ledger.outcomeSeq),
    '',
    labels.head(record.ledger.head.seq),
    '',
    codeSpan(record.ledger.head.hash),
    '',
    labels.verify,
    '',
    `- ${codeSpan(hints.command)} (${labels.verifyCommand})`,
    `- ${codeSpan(hints.endpoint)} (${labels.verifyEndpoint})`,
  ];
}

/**
 * The record as a Markdown document (CommonMark with GFM tables and
 * strikethrough): title, outcome, tally with both counts and the one that
 * decided, the final text, the minority reports, the withdrawn dissents and
 * the ledger head with how to verify it. Every member-written string is
 * escaped or re-written through the text schema, so no one's words can
 * reshape the document around them.
 */
export function recordToMarkdown(record: ProposalRecord, options: RecordExportOptions = {}): string {
  const labels = options.labels ?? englishRecordLabels;
  const { proposal } = record;
  const lines: string[] = [
    `# ${escapeMarkdownText(proposal.title)}`,
    '',
    `**${record.outcome === 'adopted' ? labels.adopted : labels.rejected}** · ${labels.closed} ${formatInstant(record.closedAt)}`,
    '',
    `- ${labels.assembly}: ${escapeMarkdownText(proposal.assemblyName)}`,
    `- ${labels.authors}: ${proposal.authors.map((author) => escapeMarkdownText(author.name)).join(', ')}`,
    `- ${labels.round}: ${proposal.round}`,
    '',
    ...tallySection(record, labels),
    `## ${labels.finalText}`,
    '',
    proseToMarkdown(textFromJson(record.text.doc), 2).trimEnd(),
    '',
    `${labels.textHash}: ${codeSpan(record.text.sha256)}`,
    '',
    `## ${labels.minorityReports}`,
    '',
  ];
  if (record.minorityReports.length === 0) lines.push(labels.noMinorityReports, '');
  record.minorityReports.forEach((report, index) => lines.push(...minorityReport(report, index + 1, labels)));
  if (record.withdrawnDissents.length > 0) {
    lines.push(`## ${labels.withdrawnDissents}`, '');
    for (const dissent of record.withdrawnDissents) {
      lines.push(
        `- ${escapeMarkdownText(dissent.title)} (${labels.by} ${escapeMarkdownText(dissent.author.name)}, ${labels.withdrawn} ${formatInstant(dissent.withdrawnAt)})`,
      );
    }
    lines.push('');
  }
  lines.push(...ledgerSection(record, labels));
  return `${lines.join('\n')}\n`;
}
