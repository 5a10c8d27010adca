/**
 * server/services/record-pdf.ts: the record as a PDF, read back with a PDF
 * text extractor (unpdf, PDF.js inside): every minority report's words,
 * Greek and Cyrillic included, the title and the full ledger head hash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { TextNodeJson } from '../../core/record';
import { recordToPdf } from '../../server/services/record-pdf';
import { CYRILLIC_BODY, FIXTURE_DOC, GREEK_BODY, HEAD_HASH, recordFixture } from '../support/record-fixture';

/** The text of a PDF, whitespace folded (lines wrap wherever the layout put them), and its page count. */
async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

const fold = (text: string) => text.replace(/\s+/g, ' ');

describe('recordToPdf', () => {
  it('writes a PDF whose text holds the title, every dissent (Greek, Cyrillic), the tally and the full head hash', async () => {
    const bytes = await recordToPdf(recordFixture());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    expect(text).toContain('Weekly kitchen rota');
    expect(text).toContain('Adopted');
    expect(text).toContain(GREEK_BODY);
    expect(text).toContain(CYRILLIC_BODY);
    expect(text).toContain('MINORITY REPORT 1');
    expect(text).toContain('Η εναλλαγή δεν λειτουργεί');
    expect(text).toContain('MINORITY REPORT 2');
    expect(text).toContain('Против ротации');
    expect(text).toContain('Co-signed by: Олег');
    expect(text).toContain('Too early on Mondays');
    expect(text).toContain(HEAD_HASH);
    expect(text).toContain('npm run ledger:verify -- prop-1');
    expect(text).toMatch(/Agree 3 4 Abstain 1 0 Disagree 2 6 Block 0 0 Total 6 10/);
    expect(text).toContain('Weighted by affectedness (decides)');
    expect(text).toContain('We rotate kitchen duty every week, not daily; see rota.ts and the wiki.');
    expect(text).toContain('Housing co-op Λ');
  });

  it('embeds DejaVu Sans as subsets, so that no reader needs the font', async () => {
    const latin1 = Buffer.from(await recordToPdf(recordFixture())).toString('latin1');
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(latin1).toContain('/FontFile2');
  });

  it('wraps long text and breaks pages without losing words', async () => {
    const paragraph = (text: string): TextNodeJson => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const long = Array.from({ length: 80 }, (_, index) => paragraph(`Clause ${index + 1}: ${'members share the work fairly and in turn. '.repeat(4)}`));
    const lastWords = 'Последний абзац длинного особого мнения, который должен попасть на последнюю страницу.';
    const record = recordFixture();
    record.text.doc = { ...FIXTURE_DOC, content: [...(FIXTURE_DOC.content ?? []), ...long] };
    record.minorityReports[1].body = `${'Я не согласен. '.repeat(120)}\n\n${lastWords}`;
    const { text, pages } = await pdfText(await recordToPdf(record));
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain('Clause 1: members share');
    expect(text).toContain(fold(`Clause 80: ${'members share the work fairly and in turn. '.repeat(4)}`).trim());
    expect(text).toContain(lastWords);
    expect(text).toContain(HEAD_HASH);
    expect(text).toContain(`${pages} / ${pages}`);
  });

  it('renders a member’s Markdown in a report (lists, emphasis) and keeps raw HTML as words', async () => {
    const record = recordFixture();
    record.minorityReports[0].body = `${GREEK_BODY}\n\n- πρώτο **σημείο**\n- δεύτερο\n\n<b>not bold</b>`;
    const { text } = await pdfText(await recordToPdf(record));
    expect(text).toContain(GREEK_BODY);
    expect(text).toContain('• πρώτο σημείο • δεύτερο');
    expect(text).toContain('<b>not bold</b>');
  });

  // DejaVu has no glyph in the Private Use Area; Playwright's icon font (a dev dependency) does.
  const iconFolder = join(process.cwd(), 'node_modules/playwright-core/lib/vite/recorder/assets');
  const iconFont = (() => {
    try {
      return readdirSync(iconFolder).find((name) => /^codicon.*\.ttf$/.test(name));
    } catch {
      return undefined;
    }
  })();

  it.skipIf(!iconFont)('sets characters DejaVu lacks in a fallback font when one is given', async () => {
    const record = recordFixture();
    record.minorityReports[0].body = `${GREEK_BODY} \uEA60`;
    const bytes = await recordToPdf(record, { fallbackFonts: [readFileSync(join(iconFolder, iconFont ?? ''))] });
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+codicon/);
    const { text } = await pdfText(bytes);
    expect(text).toContain(GREEK_BODY);
  });
});
