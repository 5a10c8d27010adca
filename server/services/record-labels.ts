/**
 * The words and number formats that the Markdown and PDF exports of a record
 * share, in one place, so that both say the same thing and a translation can
 * be passed in whole.
 */
import type { ProposalRecord, RecordCounts, RecordCounting } from '../../core/record';

/** Every fixed string of an exported record (English by default). */
export interface RecordLabels {
  adopted: string;
  rejected: string;
  assembly: string;
  authors: string;
  round: string;
  closed: string;
  decision: string;
  stance: string;
  stances: Record<keyof RecordCounts, string>;
  counting: Record<RecordCounting, string>;
  decides: string;
  decidedBy: (counting: string) => string;
  rule: string;
  rules: Record<ProposalRecord['tally']['rule']['kind'], string>;
  threshold: (percent: string) => string;
  quorum: (needed: number, eligible: number, met: boolean) => string;
  finalText: string;
  textHash: string;
  minorityReports: string;
  noMinorityReports: string;
  minorityReport: (n: number) => string;
  by: string;
  filed: string;
  coSigners: string;
  noCoSigners: string;
  passage: string;
  wholeProposal: string;
  passageStates: Record<'present' | 'reanchored' | 'removed', string>;
  alternativeWording: string;
  withdrawnDissents: string;
  withdrawn: string;
  ledger: string;
  pinned: (outcomeSeq: number) => string;
  head: (seq: number) => string;
  verify: string;
  verifyCommand: string;
  verifyEndpoint: string;
  page: (n: number, of: number) => string;
}

/** The English wording. */
export const englishRecordLabels: RecordLabels = {
  adopted: 'Adopted',
  rejected: 'Rejected',
  assembly: 'Assembly',
  authors: 'Authors',
  round: 'Round',
  closed: 'Decision closed',
  decision: 'Decision',
  stance: 'Stance',
  stances: { agree: 'Agree', abstain: 'Abstain', disagree: 'Disagree', block: 'Block', total: 'Total' },
  counting: { equal: 'Equal count', weighted: 'Weighted by affectedness' },
  decides: 'decides',
  decidedBy: (counting) => `Decided by: ${counting}.`,
  rule: 'Rule',
  rules: { consent: 'consent (no block, quorum met)', majority: 'majority', supermajority: 'supermajority' },
  threshold: (percent) => `threshold ${percent} agree`,
  quorum: (needed, eligible, met) =>
    `quorum ${needed} of ${eligible} eligible members with a stance (${met ? 'met' : 'not met'})`,
  finalText: 'Final text',
  textHash: 'SHA-256 of the text',
  minorityReports: 'Minority reports',
  noMinorityReports: 'No standing dissent.',
  minorityReport: (n) => `Minority report ${n}`,
  by: 'by',
  filed: 'filed',
  coSigners: 'Co-signed by',
  noCoSigners: 'No co-signers.',
  passage: 'Passage',
  wholeProposal: 'Objects to the whole proposal.',
  passageStates: {
    present: 'present in the final text',
    reanchored: 'found again in the final text after edits',
    removed: 'no longer in the final text',
  },
  alternativeWording: 'Proposed alternative wording',
  withdrawnDissents: 'Withdrawn dissents',
  withdrawn: 'withdrawn',
  ledger: 'Ledger',
  pinned: (seq) => `This record is pinned to ledger entry ${seq}, which recorded the outcome.`,
  head: (seq) => `Ledger head (entry ${seq}), SHA-256:`,
  verify: 'To verify the chain up to this head:',
  verifyCommand: 'from a checkout of Plenary, against the running server',
  verifyEndpoint: "or ask the server's verifier",
  page: (n, of) => `${n} / ${of}`,
};

/** The stances in the order the tally lists them. */
export const TALLY_ROWS: (keyof RecordCounts)[] = ['agree', 'abstain', 'disagree', 'block', 'total'];

/** A count as printed: whole numbers as they are, weights to two decimals at most. */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
}

/** An ISO timestamp as a fixed, unambiguous UTC form (the same wherever the export runs). */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The decision rule in one line: kind, threshold, quorum, counting. */
export function ruleSummary(record: ProposalRecord, labels: RecordLabels): string {
  const { rule, eligible, quorumMet } = record.tally;
  const parts = [labels.rules[rule.kind]];
  if (rule.kind === 'supermajority' && rule.threshold !== null) {
    parts.push(labels.threshold(`${formatCount(Math.round(rule.threshold * 10_000) / 100)}%`));
  }
  parts.push(labels.quorum(rule.quorum, eligible, quorumMet));
  parts.push(labels.counting[rule.counting].toLowerCase());
  return parts.join('; ');
}

/** The command that verifies a proposal's ledger, and the endpoint that does the same. */
export function verifyHints(proposalId: string): { command: string; endpoint: string } {
  return {
    command: `npm run ledger:verify -- ${proposalId}`,
    endpoint: `GET /api/proposals/${encodeURIComponent(proposalId)}/ledger/verify`,
  };
}
