/**
 * The record of a decided proposal as a PDF, made by PDFKit in Node (no
 * browser) with DejaVu Sans embedded (see record-pdf-fonts.ts for which
 * scripts it covers). Made from a ProposalRecord alone (no database).
 */
import PDFDocument from 'pdfkit';
import type { ProposalRecord, RecordMinorityReport } from '../../core/record';
import { englishRecordLabels, formatCount, formatInstant, ruleSummary, TALLY_ROWS, verifyHints, type RecordLabels } from './record-labels';
import type { RecordExportOptions } from './record-markdown';
import { registerFonts, type FontSet } from './record-pdf-fonts';
import { keepLines, position, ruleBeside, writeDocument, writeInline, type Frame } from './record-pdf-text';
import { markdownToText, textFromJson } from './record-prose';

/** How a record is made into a PDF. */
export interface RecordPdfOptions extends RecordExportOptions {
  /** TrueType/OpenType fonts tried, in order, for characters DejaVu Sans lacks (CJK, say). */
  fallbackFonts?: readonly Uint8Array[];
}

const MARGIN = 56;
const SIZE = 10.5;
const INK = '#111111';
const MINORITY = '#b45309';

/** A line of plain text in one face (titles, names, labels), split across fallback fonts when needed. */
function line(frame: Frame, fonts: FontSet, text: string, face: 'regular' | 'bold' | 'italic' | 'mono', size: number, color = INK): void {
  const { doc } = frame;
  const runs = fonts.runs(text, face);
  doc.font(runs[0]?.font ?? fonts.font(face)).fontSize(size);
  keepLines(frame, 1);
  runs.forEach((run, index) => {
    doc.font(run.font).fontSize(size).fillColor(color);
    const style = { continued: index < runs.length - 1, width: frame.width };
    if (index === 0) doc.text(run.text, frame.left, doc.y, style);
    else doc.text(run.text, style);
  });
  doc.fillColor(INK);
}

/** A section's heading, moved to the next page when fewer than `keep` lines would follow it here. */
function sectionHeading(frame: Frame, fonts: FontSet, text: string, keep = 4): void {
  keepLines(frame, keep);
  frame.doc.moveDown(0.8);
  line(frame, fonts, text, 'bold', SIZE * 1.45);
  frame.doc.moveDown(0.3);
}

/** The tally as a small table: a row per stance, the deciding count's column marked and shaded. */
function tallyTable(frame: Frame, fonts: FontSet, record: ProposalRecord, labels: RecordLabels): void {
  const { doc } = frame;
  const { tally } = record;
  const columns = [120, 110, 250];
  const rowHeight = 17;
  keepLines(frame, 8);
  const top = doc.y;
  const decidingX = frame.left + columns[0] + (tally.decidedBy === 'equal' ? 0 : columns[1]);
  const decidingWidth = tally.decidedBy === 'equal' ? columns[1] : columns[2];
  doc.save().rect(decidingX, top, decidingWidth, rowHeight * (TALLY_ROWS.length + 1)).fill('#fef3c7').restore();
  const header = [
    labels.stance,
    ...(['equal', 'weighted'] as const).map((counting) =>
      counting === tally.decidedBy ? `${labels.counting[counting]} (${labels.decides})` : labels.counting[counting],
    ),
  ];
  const rows = [header, ...TALLY_ROWS.map((row) => [labels.stances[row], formatCount(tally.equal[row]), formatCount(tally.weighted[row])])];
  rows.forEach((cells, rowIndex) => {
    const y = top + rowIndex * rowHeight + 4;
    let x = frame.left;
    cells.forEach((cell, column) => {
      const bold = rowIndex === 0 || rowIndex === rows.length - 1;
      doc.font(fonts.font(bold ? 'bold' : 'regular')).fontSize(SIZE * 0.9).fillColor(INK);
      doc.text(cell, x + 4, y, { width: columns[column] - 8, align: column === 0 ? 'left' : 'right', lineBreak: false });
      x += columns[column];
    });
    const ruleY = top + (rowIndex + 1) * rowHeight;
    if (rowIndex === 0 || rowIndex === rows.length - 2) {
      doc.save().moveTo(frame.left, ruleY).lineTo(frame.left + columns[0] + columns[1] + columns[2], ruleY).lineWidth(0.6).stroke('#888888').restore();
    }
  });
  doc.y = top + rows.length * rowHeight + 8;
  line(frame, fonts, labels.decidedBy(labels.counting[tally.decidedBy].toLowerCase()), 'bold', SIZE);
  line(frame, fonts, `${labels.rule}: ${ruleSummary(record, labels)}.`, 'regular', SIZE);
}

/** One minority report, set off by a coloured rule and a label, so that nobody mistakes it for the text. */
function minorityReport(frame: Frame, fonts: FontSet, report: RecordMinorityReport, n: number, labels: RecordLabels): void {
  const { doc } = frame;
  keepLines(frame, 6);
  doc.moveDown(0.6);
  const from = position(doc);
  const inner: Frame = { ...frame, left: frame.left + 14, width: frame.width - 14 };
  line(inner, fonts, labels.minorityReport(n).toUpperCase(), 'bold', SIZE * 0.8, MINORITY);
  line(inner, fonts, report.title, 'bold', SIZE * 1.2);
  line(inner, fonts, `${labels.by} ${report.author.name}, ${labels.filed} ${formatInstant(report.filedAt)}`, 'italic', SIZE * 0.9, '#444444');
  doc.moveDown(0.4);
  if (report.passage) {
    const { quote, state } = report.passage;
    line(inner, fonts, `${labels.passage} (${labels.passageStates[state]}):`, 'bold', SIZE * 0.9);
    line(inner, fonts, `“…${quote.prefix}${quote.exact}${quote.suffix}…”`.replace(/\s+/g, ' '), 'italic', SIZE * 0.9, '#444444');
  } else {
    line(inner, fonts, labels.wholeProposal, 'italic', SIZE * 0.9, '#444444');
  }
  doc.moveDown(0.4);
  writeDocument(inner, markdownToText(report.body), 3);
  if (report.alternativeWording !== null && report.alternativeWording.trim() !== '') {
    line(inner, fonts, `${labels.alternativeWording}:`, 'bold', SIZE * 0.9);
    writeDocument({ ...inner, left: inner.left + 10, width: inner.width - 10 }, markdownToText(report.alternativeWording), 3);
  }
  const signers = report.coSigners.map((signer) => `${signer.name} (${formatInstant(signer.signedAt)})`);
  line(inner, fonts, signers.length > 0 ? `${labels.coSigners}: ${signers.join(', ')}` : labels.noCoSigners, 'regular', SIZE * 0.9);
  ruleBeside(doc, from, frame.left, MINORITY, 3);
  doc.moveDown(0.3);
}

function ledgerSection(frame: Frame, fonts: FontSet, record: ProposalRecord, labels: RecordLabels): void {
  const { doc } = frame;
  sectionHeading(frame, fonts, labels.ledger, 9);
  line(frame, fonts, labels.pinned(record.ledger.outcomeSeq), 'regular', SIZE);
  doc.moveDown(0.3);
  line(frame, fonts, labels.head(record.ledger.head.seq), 'regular', SIZE);
  // In full, on one line: a reader compares it character by character with what the server shows.
  keepLines(frame, 1);
  doc.font(fonts.font('mono')).fontSize(8.5).text(record.ledger.head.hash, frame.left, doc.y, { lineBreak: false });
  doc.moveDown(0.8);
  const hints = verifyHints(record.proposal.id);
  line(frame, fonts, labels.verify, 'regular', SIZE);
  line(frame, fonts, hints.command, 'mono', SIZE * 0.85);
  line(frame, fonts, `${labels.verifyEndpoint}: ${hints.endpoint}`, 'regular', SIZE * 0.85);
}

/** Page numbers in the bottom margin of every page, once the page count is known. */
function pageNumbers(doc: PDFKit.PDFDocument, fonts: FontSet, labels: RecordLabels): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.font('regular')).fontSize(8).fillColor('#777777');
    doc.text(labels.page(index + 1, range.count), MARGIN, doc.page.height - bottom + 18, {
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The record as a PDF (A4): title, outcome, the tally table with both counts
 * and the deciding one marked, the final text, each standing dissent as a
 * marked minority report, the withdrawn dissents, and the ledger head hash in
 * full with how to verify it. Text is embedded as real text (extractable and
 * searchable) in subsets of the fonts.
 */
export async function recordToPdf(record: ProposalRecord, options: RecordPdfOptions = {}): Promise<Uint8Array> {
  const labels = options.labels ?? englishRecordLabels;
  const text = textFromJson(record.text.doc);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    // No default font: PDFKit would otherwise load Helvetica's metrics from its own data folder.
    font: null as unknown as string,
    // Dated by the decision, not by the export, so that exporting twice gives the same document.
    info: { Title: record.proposal.title, Subject: `${record.proposal.assemblyName}: record`, CreationDate: new Date(record.closedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const fonts = registerFonts(doc, options.fallbackFonts);
  doc.font(fonts.font('regular')).fontSize(SIZE);
  const frame: Frame = { doc, left: MARGIN, width: doc.page.width - 2 * MARGIN, size: SIZE, color: INK, ...fonts };
  const { proposal } = record;

  line(frame, fonts, proposal.title, 'bold', SIZE * 2);
  doc.moveDown(0.3);
  line(frame, fonts, `${record.outcome === 'adopted' ? labels.adopted : labels.rejected} · ${labels.closed} ${formatInstant(record.closedAt)}`, 'bold', SIZE * 1.15, record.outcome === 'adopted' ? '#166534' : '#991b1b');
  line(frame, fonts, `${labels.assembly}: ${proposal.assemblyName}`, 'regular', SIZE);
  line(frame, fonts, `${labels.authors}: ${proposal.authors.map((author) => author.name).join(', ')}`, 'regular', SIZE);
  line(frame, fonts, `${labels.round}: ${proposal.round}`, 'regular', SIZE);

  sectionHeading(frame, fonts, labels.decision);
  tallyTable(frame, fonts, record, labels);

  sectionHeading(frame, fonts, labels.finalText);
  writeDocument(frame, text, 1);
  doc.moveDown(0.3);
  line(frame, fonts, `${labels.textHash}: ${record.text.sha256}`, 'mono', 7.5, '#444444');

  // Kept with the first report's opening lines (minorityReport keeps six).
  sectionHeading(frame, fonts, labels.minorityReports, 10);
  if (record.minorityReports.length === 0) line(frame, fonts, labels.noMinorityReports, 'italic', SIZE);
  record.minorityReports.forEach((report, index) => minorityReport(frame, fonts, report, index + 1, labels));

  if (record.withdrawnDissents.length > 0) {
    sectionHeading(frame, fonts, labels.withdrawnDissents);
    for (const dissent of record.withdrawnDissents) {
      line(frame, fonts, `• ${dissent.title} (${labels.by} ${dissent.author.name}, ${labels.withdrawn} ${formatInstant(dissent.withdrawnAt)})`, 'regular', SIZE * 0.9, '#444444');
    }
  }
  ledgerSection(frame, fonts, record, labels);
  pageNumbers(doc, fonts, labels);
  doc.end();
  return done;
}
