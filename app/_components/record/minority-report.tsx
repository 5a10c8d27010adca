import { getFormatter, getTranslations } from 'next-intl/server';
import type { RecordMinorityReport } from '@/core/record';
import { QUOTE_CONTEXT } from '@/core/text-quote';
import { RichText } from '@/app/_components/dissents/rich-text';
import { passageIdOf } from '@/app/_lib/record-passages';
import { ui } from '@/app/_lib/styles';

interface MinorityReportProps {
  report: RecordMinorityReport;
  /** The body rendered from Markdown and sanitised by the server. */
  bodyHtml: string;
  /** Whether the rendered text holds the passage's anchor (else the quote stands alone). */
  linked: boolean;
}

/**
 * One standing dissent as the record publishes it: labelled "Minority report"
 * in words, its title, author and co-signers, the passage it objects to (in
 * its context, with a link to it in the text when it is there) and how that
 * passage fared, its body and its alternative wording.
 */
export async function MinorityReport({ report, bodyHtml, linked }: MinorityReportProps) {
  const t = await getTranslations('record.report');
  const format = await getFormatter();
  const titleId = `${report.anchorId}-title`;
  const { passage } = report;
  return (
    <article id={report.anchorId} className="record-report space-y-3" aria-labelledby={titleId} data-testid="minority-report">
      <header className="space-y-1">
        <p className="text-xs font-semibold tracking-wide text-amber-900 uppercase">{t('label')}</p>
        <h3 id={titleId} className="text-lg font-semibold break-words text-stone-900">
          {report.title}
        </h3>
        <p className="text-sm text-stone-700">
          {t('filedBy', { name: report.author.name })}{' '}
          <time dateTime={report.filedAt}>{format.dateTime(new Date(report.filedAt), { dateStyle: 'long' })}</time>
        </p>
        <p className="text-sm text-stone-700" data-testid="co-signers">
          {report.coSigners.length === 0
            ? t('noCoSigners')
            : t('coSigners', { names: format.list(report.coSigners.map((signer) => signer.name), { type: 'conjunction' }) })}
        </p>
      </header>
      {passage ? (
        <div className="space-y-1">
          <p className="text-sm font-medium text-stone-800">
            {t('passage')} <span className="font-normal">({t(`passageState.${passage.state}`)})</span>
          </p>
          <blockquote id={`${report.anchorId}-quote`} className={`dissent-quote ${passage.state === 'removed' ? 'dissent-quote--removed' : ''}`}>
            {/* An ellipsis only where the context was cut, not where the text itself begins or ends. */}
            {passage.quote.prefix ? (
              <span className="text-stone-500">
                {passage.quote.prefix.length >= QUOTE_CONTEXT ? '…' : ''}
                {passage.quote.prefix}
              </span>
            ) : null}
            <strong className="font-semibold">{passage.quote.exact}</strong>
            {passage.quote.suffix ? (
              <span className="text-stone-500">
                {passage.quote.suffix}
                {passage.quote.suffix.length >= QUOTE_CONTEXT ? '…' : ''}
              </span>
            ) : null}
          </blockquote>
          {linked ? (
            <a href={`#${passageIdOf(report)}`} className={`${ui.link} text-sm record-no-print`}>
              {t('showInText')}
            </a>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-stone-700">{t('wholeProposal')}</p>
      )}
      <RichText html={bodyHtml} className="text-sm" />
      {report.alternativeWording ? (
        <div className="space-y-1">
          <p className="text-sm font-medium text-stone-800">{t('alternative')}</p>
          <blockquote className="dissent-quote whitespace-pre-wrap">{report.alternativeWording}</blockquote>
        </div>
      ) : null}
    </article>
  );
}
