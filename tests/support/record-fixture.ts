/**
 * A ProposalRecord for the export tests: a text with headings, lists and
 * every mark, two minority reports in Greek and Cyrillic, one withdrawn
 * dissent, and counts where the equal and weighted tallies differ.
 */
import type { ProposalRecord, TextNodeJson } from '../../core/record';

const text = (value: string, ...marks: TextNodeJson['marks'] & object): TextNodeJson =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: TextNodeJson[]): TextNodeJson => ({ type: 'paragraph', content });
const heading = (level: number, value: string): TextNodeJson => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (...content: TextNodeJson[]): TextNodeJson => ({ type: 'listItem', content: [paragraph(...content)] });

/** Dissent bodies, exported so that tests can look for them. */
export const GREEK_BODY = 'Διαφωνώ με την εναλλαγή των υπευθύνων κάθε εβδομάδα.';
export const CYRILLIC_BODY = 'Я не согласен с ротацией: она ломает преемственность.';
export const HEAD_HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
export const TEXT_SHA256 = '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae';

/** The final text: headings, a paragraph with every mark and a link, lists, a quote, code, a rule. */
export const FIXTURE_DOC: TextNodeJson = {
  type: 'doc',
  content: [
    heading(1, 'Kitchen rota'),
    paragraph(
      text('We rotate '),
      text('kitchen duty', { type: 'bold' }),
      text(' every '),
      text('week', { type: 'italic' }),
      text(', not '),
      text('daily', { type: 'strike' }),
      text('; see '),
      text('rota.ts', { type: 'code' }),
      text(' and '),
      text('the wiki', { type: 'link', attrs: { href: 'https://example.org/rota', target: '_blank', rel: null, class: null, title: null } }),
      text('.'),
    ),
    heading(2, 'Who'),
    {
      type: 'bulletList',
      content: [item(text('Every member over 16')), item(text('Guests are '), text('exempt', { type: 'bold' }))],
    },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [item(text('Sign up on Monday')), item(text('Swap by asking'))],
    },
    { type: 'blockquote', content: [paragraph(text('Many hands make light work.'))] },
    { type: 'codeBlock', attrs: { language: 'text' }, content: [text('mon: A\ntue: B')] },
    { type: 'horizontalRule' },
    paragraph(text('First line'), { type: 'hardBreak' }, text('second line')),
  ],
};

/** A rejected-or-adopted record as the services would assemble it. */
export function recordFixture(overrides: Partial<ProposalRecord> = {}): ProposalRecord {
  return {
    proposal: {
      id: 'prop-1',
      title: 'Weekly kitchen rota',
      assemblyName: 'Housing co-op Λ',
      authors: [{ id: 'u1', name: 'Ada' }, { id: 'u2', name: 'Bo' }],
      round: 1,
    },
    outcome: 'adopted',
    closedAt: '2026-03-14T18:30:00.000Z',
    tally: {
      equal: { agree: 3, abstain: 1, disagree: 2, block: 0, total: 6 },
      weighted: { agree: 4, abstain: 0, disagree: 6, block: 0, total: 10 },
      decidedBy: 'weighted',
      eligible: 7,
      quorumMet: true,
      rule: { kind: 'majority', threshold: null, quorum: 4, counting: 'weighted' },
    },
    text: { versionId: 'ver-1', doc: FIXTURE_DOC, sha256: TEXT_SHA256 },
    minorityReports: [
      {
        dissentId: 'd1',
        anchorId: 'dissent-d1',
        title: 'Η εναλλαγή δεν λειτουργεί',
        body: GREEK_BODY,
        alternativeWording: 'We rotate kitchen duty every month.',
        author: { id: 'u3', name: 'Νίκη' },
        coSigners: [{ id: 'u4', name: 'Олег', signedAt: '2026-03-12T09:00:00.000Z' }],
        passage: { quote: { exact: 'every week', prefix: 'kitchen duty ', suffix: ', not daily' }, state: 'present' },
        filedAt: '2026-03-10T12:00:00.000Z',
      },
      {
        dissentId: 'd2',
        anchorId: 'dissent-d2',
        title: 'Против ротации',
        body: CYRILLIC_BODY,
        alternativeWording: null,
        author: { id: 'u4', name: 'Олег' },
        coSigners: [],
        passage: null,
        filedAt: '2026-03-11T08:15:00.000Z',
      },
    ],
    withdrawnDissents: [{ dissentId: 'd3', title: 'Too early on Mondays', author: { id: 'u5', name: 'Cy' }, withdrawnAt: '2026-03-12T10:00:00.000Z' }],
    ledger: { head: { seq: 23, hash: HEAD_HASH }, outcomeSeq: 23 },
    ...overrides,
  };
}
