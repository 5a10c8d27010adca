import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { ProposalRecord } from '@/core/record';
import { textSchema } from '@/core/text-schema';
import { locatePassages, passageIdOf } from '@/app/_lib/record-passages';
import { ui } from '@/app/_lib/styles';
import { renderMarkdown } from '@/server/services/render-markdown';
import { MinorityReport } from './minority-report';
import { RecordLedger } from './record-ledger';
import { renderProse, type RenderedProse } from './record-prose';
import { RecordTally } from './record-tally';
import { WithdrawnDissents } from './withdrawn-dissents';
import '@/app/_components/dissents/dissents.css';
import './record.css';

interface RecordViewProps {
  record: ProposalRecord;
  /** The tally's reason, from the outcome's ledger entry. */
  why: string | null;
  /** The decision asked for in the URL, carried into the export links. */
  decisionId: string | null;
  /** Whether this is the latest closed decision's record. */
  latest: boolean;
}

/** The final text with its quoted passages marked; null when its JSON does not fit the schema. */
function renderText(record: ProposalRecord): RenderedProse | null {
  try {
    const doc = textSchema().nodeFromJSON(record.text.doc);
    return renderProse(doc, locatePassages(doc, record.minorityReports));
  } catch {
    return null;
  }
}

function Section({ id, title, children, className = '' }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`space-y-3 ${className}`}>
      <h2 id={id} className={ui.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The record of one closed decision: what was decided and how (outcome,
 * round, tally with the rule), the final text as judged, every minority
 * report, the withdrawn dissents folded away, the ledger head it is pinned
 * to with "Verify", and the Markdown and PDF exports.
 */
export async function RecordView({ record, why, decisionId, latest }: RecordViewProps) {
  const t = await getTranslations('record');
  const format = await getFormatter();
  const prose = renderText(record);
  const { proposal } = record;
  const query = decisionId ? `?decisionId=${encodeURIComponent(decisionId)}` : '';
  const exportBase = `/api/proposals/${proposal.id}/record`;
  return (
    <>
      <header className="space-y-3">
        <p className="text-sm font-medium text-stone-600">{t('eyebrow', { round: proposal.round })}</p>
        <h1 className={`${ui.pageTitle} break-words`}>{proposal.title}</h1>
        <p
          className={`inline-flex items-center gap-2 rounded-md border-2 px-3 py-1 text-base font-semibold ${
            record.outcome === 'adopted' ? 'border-teal-700 text-teal-900' : 'border-stone-600 text-stone-900'
          }`}
          data-testid="record-outcome"
        >
          <span aria-hidden="true">{record.outcome === 'adopted' ? '✔' : '✖'}</span>
          {t(`outcome.${record.outcome}`)}
        </p>
        {!latest ? <p className="text-sm text-amber-900">{t('earlierRound')}</p> : null}
      </header>
      <dl className={`${ui.card} grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]`}>
        <dt className="font-medium text-stone-700">{t('assembly')}</dt>
        <dd className="break-words">{proposal.assemblyName}</dd>
        <dt className="font-medium text-stone-700">{t('authors')}</dt>
        <dd className="break-words">{format.list(proposal.authors.map((author) => author.name), { type: 'conjunction' })}</dd>
        <dt className="font-medium text-stone-700">{t('round')}</dt>
        <dd>{proposal.round}</dd>
        <dt className="font-medium text-stone-700">{t('closedAt')}</dt>
        <dd>
          <time dateTime={record.closedAt}>{format.dateTime(new Date(record.closedAt), { dateStyle: 'long', timeStyle: 'short' })}</time>
        </dd>
        <dt className="font-medium text-stone-700">{t('textHash')}</dt>
        <dd>
          <code className="font-mono text-xs break-all">{record.text.sha256}</code>
        </dd>
      </dl>

      <Section id="record-tally-title" title={t('tallyTitle')}>
        <RecordTally tally={record.tally} why={why} />
      </Section>

      <Section id="record-text-title" title={t('textTitle')}>
        {prose ? (
          <div className={`${ui.card} record-prose`} data-testid="record-text">
            {prose.content}
          </div>
        ) : (
          <p className="text-sm text-red-900">{t('textUnreadable')}</p>
        )}
      </Section>

      <Section id="record-reports-title" title={t('reportsTitle', { count: record.minorityReports.length })}>
        {record.minorityReports.length === 0 ? <p className={ui.muted}>{t('noReports')}</p> : null}
        <div className="space-y-4">
          {record.minorityReports.map((report) => (
            <MinorityReport
              key={report.dissentId}
              report={report}
              bodyHtml={renderMarkdown(report.body)}
              linked={prose?.placed.has(passageIdOf(report)) ?? false}
            />
          ))}
        </div>
        <WithdrawnDissents dissents={record.withdrawnDissents} />
      </Section>

      <Section id="record-ledger-title" title={t('ledgerTitle')}>
        <RecordLedger proposalId={proposal.id} head={record.ledger.head} outcomeSeq={record.ledger.outcomeSeq} />
      </Section>

      <Section id="record-export-title" title={t('exportTitle')} className="record-no-print">
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href={`${exportBase}/markdown${query}`} download className={ui.secondaryButton} data-testid="record-markdown">
              {t('exportMarkdown')}
            </a>
          </li>
          <li>
            <a href={`${exportBase}/pdf${query}`} download className={ui.secondaryButton} data-testid="record-pdf">
              {t('exportPdf')}
            </a>
          </li>
        </ul>
        <p className={ui.muted}>{t('exportHint')}</p>
      </Section>
    </>
  );
}
