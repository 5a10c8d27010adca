import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderProse, safeHref } from '../../app/_components/record/record-prose';
import { locatePassages, passageIdOf } from '../../app/_lib/record-passages';
import { closedRounds, holdsPinnedHead } from '../../app/_lib/record-rounds';
import type { LedgerEntry } from '../../core/ledger';
import type { RecordMinorityReport } from '../../core/record';
import { textSchema } from '../../core/text-schema';

const html = (json: unknown, ranges: Parameters<typeof renderProse>[1] = []) =>
  renderToStaticMarkup(createElement('div', null, renderProse(textSchema().nodeFromJSON(json), ranges).content));

const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

describe('renderProse', () => {
  it('escapes the words of the text, never reading them as HTML', () => {
    const out = html({ type: 'doc', content: [para(text('<script>alert(1)</script> & <b>x</b>'))] });
    expect(out).toBe('<div><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;</p></div>');
  });

  it('maps the schema’s nodes and marks, dropping unsafe link targets', () => {
    const out = html({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Head')] },
        para(text('bold', [{ type: 'bold' }]), { type: 'hardBreak' }, text('bad', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
        para(text('good', [{ type: 'link', attrs: { href: 'https://example.org/"x' } }])),
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para(text('item'))] }] },
      ],
    });
    expect(out).toContain('<h3>Head</h3>');
    expect(out).toContain('<p><strong>bold</strong><br/>bad</p>');
    expect(out).not.toContain('javascript');
    expect(out).toContain('href="https://example.org/&quot;x"');
    expect(out).toContain('<ol start="3"><li><p>item</p></li></ol>');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('data:text/html,x')).toBeNull();
  });

  it('marks a located passage across text nodes, with its id on the first piece', () => {
    const json = { type: 'doc', content: [para(text('First block.')), para(text('We pave '), text('the park', [{ type: 'italic' }]), text(' today.'))] };
    const doc = textSchema().nodeFromJSON(json);
    const report = {
      anchorId: 'report-1',
      passage: { quote: { exact: 'pave the park', prefix: 'We ', suffix: ' today.' }, state: 'present' },
    } as unknown as RecordMinorityReport;
    const ranges = locatePassages(doc, [report]);
    expect(ranges).toEqual([{ id: passageIdOf(report), start: 16, end: 29 }]);
    const rendered = renderProse(doc, ranges);
    expect([...rendered.placed]).toEqual(['report-1-passage']);
    const out = renderToStaticMarkup(createElement('div', null, rendered.content));
    expect(out).toContain('We <mark id="report-1-passage" class="record-passage">pave </mark><em><mark class="record-passage">the park</mark></em> today.');
  });

  it('gives no range to a removed passage', () => {
    const doc = textSchema().nodeFromJSON({ type: 'doc', content: [para(text('Nothing here.'))] });
    const report = { anchorId: 'r', passage: { quote: { exact: 'Nothing', prefix: '', suffix: '' }, state: 'removed' } } as unknown as RecordMinorityReport;
    expect(locatePassages(doc, [report])).toEqual([]);
  });
});

describe('closedRounds', () => {
  const entry = (seq: number, kind: LedgerEntry['kind'], data: LedgerEntry['data']) =>
    ({ seq, kind, data, at: `2026-01-0${seq}T00:00:00.000Z`, hash: `h${seq}` }) as LedgerEntry;

  it('lists each closed decision with the round its stage changes name', () => {
    const entries = [
      entry(1, 'proposal.status_changed', { transition: 'open-decision', round: 1 }),
      entry(2, 'decision.closed', { decisionId: 'd1', outcome: 'adopted' }),
      entry(3, 'proposal.status_changed', { transition: 'adopt', round: 1 }),
      entry(4, 'proposal.status_changed', { transition: 'reopen', round: 2 }),
      entry(5, 'decision.closed', { decisionId: 'd2', outcome: 'rejected' }),
    ];
    expect(closedRounds(entries).map(({ decisionId, round, outcome }) => [decisionId, round, outcome])).toEqual([
      ['d1', 1, 'adopted'],
      ['d2', 2, 'rejected'],
    ]);
    expect(holdsPinnedHead(entries, { seq: 3, hash: 'h3' })).toBe(true);
    expect(holdsPinnedHead(entries, { seq: 3, hash: 'other' })).toBe(false);
  });
});
