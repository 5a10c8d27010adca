/**
 * Lays out a document of the text schema (core/text-schema.ts) in a PDFKit
 * document: headings, paragraphs with their marks, lists, quotes, code and
 * rules. The final text and the minority reports go through here alike.
 */
import type { Mark, Node as ProseNode } from '@tiptap/pm/model';
import type { Face } from './record-pdf-fonts';

/** Where and how a piece of the document is laid out. */
export interface Frame {
  doc: PDFKit.PDFDocument;
  /** Left edge of the text, in points. */
  left: number;
  /** Width available to the text, in points. */
  width: number;
  /** Base size of body text. */
  size: number;
  color: string;
  /** Maps a face to the font name registered in the document (fallbacks included). */
  font: (face: Face) => string;
  /** Splits text into runs by the font that has its glyphs. */
  runs: (text: string, face: Face) => { text: string; font: string }[];
}

const HEADING_SCALE = [1.55, 1.35, 1.2, 1.1, 1.05, 1];
const LINK_COLOR = '#1d4ed8';
const QUIET_COLOR = '#555555';
const INDENT = 16;

/** The face a piece of text is set in, from its marks. */
function faceOf(marks: readonly Mark[], bold: boolean): Face {
  const names = new Set(marks.map((mark) => mark.type.name));
  if (names.has('code')) return 'mono';
  const isBold = bold || names.has('bold');
  const isItalic = names.has('italic');
  if (isBold && isItalic) return 'boldItalic';
  return isBold ? 'bold' : isItalic ? 'italic' : 'regular';
}

/** Adds a page when fewer than `lines` lines are left on this one, so that a marker or heading is not stranded. */
export function keepLines(frame: Frame, lines: number): void {
  const { doc } = frame;
  if (doc.y + lines * doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * Inline content (text and hard breaks) as one flowing paragraph: one
 * PDFKit call per run, chained with `continued` so that wrapping follows
 * the words across changes of font.
 */
export function writeInline(frame: Frame, parent: ProseNode, options: { size?: number; bold?: boolean } = {}): void {
  const { doc } = frame;
  const size = options.size ?? frame.size;
  const pieces: { text: string; font: string; link: string | null; underline: boolean; strike: boolean }[] = [];
  let breaksBefore = 0;
  parent.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      // PDFKit drops a line break that ends a continued run; one that opens the next run holds.
      breaksBefore += 1;
      return;
    }
    if (!child.isText || !child.text) return;
    const link = child.marks.find((mark) => mark.type.name === 'link');
    const href = link && /^(https?:|mailto:)/i.test(String(link.attrs.href).trim()) ? String(link.attrs.href).trim() : null;
    const underline = href !== null || child.marks.some((mark) => mark.type.name === 'underline');
    const strike = child.marks.some((mark) => mark.type.name === 'strike');
    for (const run of frame.runs(child.text, faceOf(child.marks, options.bold ?? false))) {
      pieces.push({ ...run, text: '\n'.repeat(breaksBefore) + run.text, link: href, underline, strike });
      breaksBefore = 0;
    }
  });
  keepLines(frame, 1);
  if (pieces.length === 0) {
    doc.fontSize(size).moveDown(0.5);
    return;
  }
  pieces.forEach((piece, index) => {
    const last = index === pieces.length - 1;
    doc.font(piece.font).fontSize(size).fillColor(piece.link ? LINK_COLOR : frame.color);
    const style = { continued: !last, link: piece.link, underline: piece.underline, strike: piece.strike, width: frame.width };
    if (index === 0) doc.text(piece.text, frame.left, doc.y, style);
    else doc.text(piece.text, style);
  });
  doc.fillColor(frame.color);
}

/** A list item's marker in the margin beside its first line. */
function writeMarker(frame: Frame, marker: string): void {
  const { doc } = frame;
  keepLines(frame, 1);
  const y = doc.y;
  doc.font(frame.font('regular')).fontSize(frame.size).fillColor(frame.color);
  doc.text(marker, frame.left, y, { width: INDENT + 4, lineBreak: false });
  doc.y = y;
}

/** Draws a vertical rule beside content that ran from `from` to the current position, across page breaks. */
export function ruleBeside(doc: PDFKit.PDFDocument, from: { page: number; y: number }, x: number, color: string, thickness = 2): void {
  const range = doc.bufferedPageRange();
  const here = { page: range.start + range.count - 1, y: doc.y, x: doc.x };
  for (let page = from.page; page <= here.page; page++) {
    doc.switchToPage(page);
    const top = page === from.page ? from.y : doc.page.margins.top;
    const bottom = page === here.page ? here.y : doc.page.height - doc.page.margins.bottom;
    if (bottom > top) doc.save().rect(x, top, thickness, bottom - top).fill(color).restore();
  }
  doc.switchToPage(here.page);
  doc.x = here.x;
  doc.y = here.y;
}

/** The current page's index and position, for {@link ruleBeside}. */
export function position(doc: PDFKit.PDFDocument): { page: number; y: number } {
  const range = doc.bufferedPageRange();
  return { page: range.start + range.count - 1, y: doc.y };
}

/** One block node, and everything inside it. */
export function writeBlock(frame: Frame, node: ProseNode, headingOffset = 0): void {
  const { doc } = frame;
  switch (node.type.name) {
    case 'paragraph':
      writeInline(frame, node);
      doc.moveDown(0.4);
      return;
    case 'heading': {
      const level = Math.min(6, Number(node.attrs.level) + headingOffset);
      keepLines(frame, 3);
      doc.moveDown(0.3);
      writeInline(frame, node, { size: frame.size * HEADING_SCALE[level - 1], bold: true });
      doc.moveDown(0.3);
      return;
    }
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs.start ?? 1) || 1;
      const inner = { ...frame, left: frame.left + INDENT + 4, width: frame.width - INDENT - 4 };
      node.forEach((item, _offset, index) => {
        writeMarker(frame, node.type.name === 'bulletList' ? '•' : `${start + index}.`);
        item.forEach((child) => writeBlock(inner, child, headingOffset));
      });
      return;
    }
    case 'blockquote': {
      const from = position(doc);
      const inner = { ...frame, left: frame.left + 12, width: frame.width - 12, color: QUIET_COLOR };
      node.forEach((child) => writeBlock(inner, child, headingOffset));
      ruleBeside(doc, from, frame.left + 2, '#bbbbbb');
      return;
    }
    case 'codeBlock': {
      const from = position(doc);
      keepLines(frame, 1);
      doc.font(frame.font('mono')).fontSize(frame.size * 0.85).fillColor(frame.color);
      doc.text(node.textContent, frame.left + 12, doc.y, { width: frame.width - 12 });
      ruleBeside(doc, from, frame.left + 2, '#dddddd', 4);
      doc.moveDown(0.4);
      return;
    }
    case 'horizontalRule': {
      keepLines(frame, 1);
      const y = doc.y + 4;
      doc.save().moveTo(frame.left, y).lineTo(frame.left + frame.width, y).lineWidth(0.5).stroke('#999999').restore();
      doc.y = y + 8;
      return;
    }
    default:
      // A node this layout does not know yet: print its words rather than lose them.
      if (node.isTextblock) writeInline(frame, node);
      else node.forEach((child) => writeBlock(frame, child, headingOffset));
  }
}

/** A whole document, block by block. */
export function writeDocument(frame: Frame, doc: ProseNode, headingOffset = 0): void {
  doc.forEach((block) => writeBlock(frame, block, headingOffset));
}
