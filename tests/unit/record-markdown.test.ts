/** server/services/record-markdown.ts: the record as Markdown, its text converted, members' words escaped. */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { recordToMarkdown } from '../../server/services/record-markdown';
import { CYRILLIC_BODY, GREEK_BODY, HEAD_HASH, recordFixture, TEXT_SHA256 } from '../support/record-fixture';

const markdownIt = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);

/** The text of every heading of a Markdown document, with its level. */
function headings(markdown: string): string[] {
  const tokens = markdownIt.parse(markdown, {});
  return tokens.flatMap((token, index) => (token.type === 'heading_open' ? [`${token.tag} ${tokens[index + 1].content}`] : []));
}

describe('recordToMarkdown', () => {
  const markdown = recordToMarkdown(recordFixture());

  it('has the title, the outcome and the tally with both counts, marking the one that decided', () => {
    expect(markdown.startsWith('# Weekly kitchen rota\n')).toBe(true);
    expect(markdown).toContain('**Adopted** · Decision closed 2026-03-14 18:30 UTC');
    expect(markdown).toContain('| Stance | Equal count | **Weighted by affectedness** (decides) |');
    expect(markdown).toContain('| Agree | 3 | 4 |');
    expect(markdown).toContain('| Abstain | 1 | 0 |');
    expect(markdown).toContain('| Disagree | 2 | 6 |');
    expect(markdown).toContain('| Block | 0 | 0 |');
    expect(markdown).toContain('| **Total** | **6** | **10** |');
    expect(markdown).toContain('Decided by: weighted by affectedness.');
    expect(markdown).toContain('quorum 4 of 7 eligible members with a stance (met)');
  });

  it('converts the final text: headings below the record’s own, marks, link, lists, quote, code, rule, hard break', () => {
    expect(markdown).toContain('### Kitchen rota\n');
    expect(markdown).toContain('#### Who\n');
    expect(markdown).toContain(
      'We rotate **kitchen duty** every *week*, not ~~daily~~; see `rota.ts` and [the wiki](https://example.org/rota).',
    );
    expect(markdown).toContain('- Every member over 16\n- Guests are **exempt**\n');
    expect(markdown).toContain('1. Sign up on Monday\n2. Swap by asking\n');
    expect(markdown).toContain('> Many hands make light work.');
    expect(markdown).toContain('```text\nmon: A\ntue: B\n```');
    expect(markdown).toContain('\n---\n');
    expect(markdown).toContain('First line\\\nsecond line');
    expect(markdown).toContain(TEXT_SHA256);
  });

  it('publishes each standing dissent as a minority report with its quote, alternative and co-signers', () => {
    expect(markdown).toContain(GREEK_BODY);
    expect(markdown).toContain(CYRILLIC_BODY);
    expect(markdown).toContain('### Minority report 1: Η εναλλαγή δεν λειτουργεί');
    expect(markdown).toContain('<a id="dissent-d1"></a>');
    expect(markdown).toContain('> …kitchen duty **every week**, not daily…');
    expect(markdown).toContain('> We rotate kitchen duty every month.');
    expect(markdown).toContain('**Co-signed by:** Олег (2026-03-12 09:00 UTC)');
    expect(markdown).toContain('### Minority report 2: Против ротации');
    expect(markdown).toContain('*Objects to the whole proposal.*');
  });

  it('lists withdrawn dissents and the ledger head with how to verify it', () => {
    expect(markdown).toContain('- Too early on Mondays (by Cy, withdrawn 2026-03-12 10:00 UTC)');
    expect(markdown).toContain('pinned to ledger entry 23');
    expect(markdown).toContain(`\`${HEAD_HASH}\``);
    expect(markdown).toContain('`npm run ledger:verify -- prop-1`');
    expect(markdown).toContain('`GET /api/proposals/prop-1/ledger/verify`');
  });

  it('escapes titles and names so that they read as written', () => {
    const title = '1. *Weekly* <b>rota</b> & [x](javascript:alert(1)) #2';
    const record = recordFixture();
    record.proposal.title = title;
    record.minorityReports[0].author = { id: 'u3', name: '- <img src=x onerror=alert(1)>' };
    const out = recordToMarkdown(record);
    expect(headings(out)[0]).toBe(`h1 ${title.replace(/[\\`*_[\]<>#|~&!]/g, '\\$&').replace(/^1\./, '1\\.')}`);
    const rendered = markdownIt.render(out);
    expect(rendered).toContain('<h1>1. *Weekly* &lt;b&gt;rota&lt;/b&gt; &amp; [x](javascript:alert(1)) #2</h1>');
    expect(rendered).not.toContain('<img');
    expect(rendered).not.toContain('href="javascript');
  });

  it('keeps a member’s Markdown inside their report: headings moved down, raw HTML as text, open fences closed', () => {
    const record = recordFixture();
    record.minorityReports[1].body = `${CYRILLIC_BODY}\n\n# Не согласен\n\n<script>alert(1)</script>\n\n\`\`\`\nunclosed`;
    record.text.doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'evil', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    };
    const out = recordToMarkdown(record);
    expect(out).toContain(CYRILLIC_BODY);
    expect(headings(out)).toContain('h4 Не согласен');
    // The report's unclosed fence must not swallow the sections after it.
    expect(headings(out)).toContain('h2 Ledger');
    const rendered = markdownIt.render(out);
    expect(rendered).not.toContain('<script>');
    expect(rendered).not.toContain('javascript:');
    expect(rendered).toContain('<p>evil</p>');
  });

  it('says so when no dissent stands', () => {
    const out = recordToMarkdown(recordFixture({ minorityReports: [], withdrawnDissents: [] }));
    expect(out).toContain('No standing dissent.');
    expect(out).not.toContain('Withdrawn dissents');
  });
});
