import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DecisionRule } from '../../core/decision-rules';
import type { ProposalRecord, RecordCounts, TextNodeJson } from '../../core/record';
import { refuse } from '../../core/refusals';
import type { Tally, TallyCount } from '../../core/tally';
import type { Db } from '../db/database';
import { assembly, decision, decisionClosing, proposal, proposalVersion } from '../db/schema';
import { committedTextOf, passageState } from './committed-text';
import { loadDissentRows } from './dissent-rows';
import { dissentsAsOf } from './dissents-as-of';
import { readableProposal } from './dissent-guard';
import { readLedger } from './get-ledger';
import { loadAuthors } from './proposal-authors';

const counts = (c: TallyCount): RecordCounts => ({ agree: c.agree, abstain: c.abstain, disagree: c.disagree, block: c.block, total: c.total });

/** The decision a record is of: the one named (of this proposal), else the latest that closed. */
async function closedDecision(db: Db, proposalId: string, decisionId?: string) {
  const [row] = await db
    .select({ decision, closing: decisionClosing })
    .from(decision)
    .innerJoin(decisionClosing, eq(decisionClosing.decisionId, decision.id))
    .where(and(eq(decision.proposalId, proposalId), decisionId ? eq(decision.id, decisionId) : isNotNull(decisionClosing.decisionId)))
    .orderBy(desc(decision.round), desc(decisionClosing.createdAt))
    .limit(1);
  if (!row) throw refuse('RECORD_NOT_FOUND');
  return row;
}

/**
 * The record of a closed decision (the latest, or `decisionId`), pinned to the
 * ledger entry of its outcome: the frozen text that was judged, the outcome
 * and tally, every dissent standing at that entry as a minority report (its
 * words, co-signers and passage as they were then) and the withdrawn ones.
 * Any member. A record reads the same however the proposal moves on.
 */
export async function getRecord(db: Db, userId: string, proposalId: string, decisionId?: string): Promise<ProposalRecord> {
  await readableProposal(db, proposalId, userId);
  const { decision: judged, closing } = await closedDecision(db, proposalId, decisionId);
  const [entries, [meta], [version], rows, authors] = await Promise.all([
    readLedger(db, proposalId),
    db.select({ title: proposal.title, assemblyName: assembly.name }).from(proposal).innerJoin(assembly, eq(assembly.id, proposal.assemblyId)).where(eq(proposal.id, proposalId)),
    db.select().from(proposalVersion).where(eq(proposalVersion.id, judged.versionId)),
    loadDissentRows(db, proposalId),
    loadAuthors(db, [proposalId]),
  ]);
  const outcome = entries.find((e) => e.kind === 'decision.closed' && e.data.decisionId === judged.id);
  if (!outcome) throw new Error(`decision ${judged.id} closed without its ledger entry`);
  const tally = closing.tally as unknown as Tally;
  const rule = judged.rule as unknown as DecisionRule;
  const text = committedTextOf([version.yjsState]);
  const asOf = dissentsAsOf(rows, entries, outcome.seq);
  const person = (id: string, name: string) => ({ id, name });
  return {
    proposal: { id: proposalId, title: meta.title, assemblyName: meta.assemblyName, authors: authors.get(proposalId) ?? [], round: judged.round },
    outcome: closing.outcome,
    closedAt: closing.createdAt.toISOString(),
    tally: {
      equal: counts(tally.equal),
      weighted: counts(tally.weighted),
      decidedBy: tally.decidingCount,
      eligible: tally.eligible,
      quorumMet: tally.quorumMet,
      rule: {
        kind: rule.kind,
        threshold: rule.kind === 'supermajority' ? rule.threshold.numerator / rule.threshold.denominator : null,
        quorum: tally.quorumRequired,
        counting: rule.counting,
      },
    },
    text: { versionId: version.id, doc: version.pmJson as unknown as TextNodeJson, sha256: version.textHash },
    minorityReports: asOf
      .filter((d) => d.withdrawnAt === null)
      .map(({ row, words, signers }) => {
        const quote = row.quoteExact !== null ? { exact: row.quoteExact, prefix: row.quotePrefix ?? '', suffix: row.quoteSuffix ?? '' } : null;
        const located = quote && row.anchorStart && row.anchorEnd ? passageState(text, { start: row.anchorStart, end: row.anchorEnd, quote }) : null;
        return {
          dissentId: row.id,
          anchorId: `dissent-${row.id}`,
          title: words.title,
          body: words.body,
          alternativeWording: words.alternativeWording,
          author: person(row.authorId, row.authorName),
          coSigners: signers.map((s) => ({ id: s.id, name: s.name, signedAt: s.signedAt.toISOString() })),
          passage: quote && located ? { quote, state: located.passage } : null,
          filedAt: row.createdAt.toISOString(),
        };
      }),
    withdrawnDissents: asOf
      .filter((d) => d.withdrawnAt !== null)
      .map(({ row, words, withdrawnAt }) => ({ dissentId: row.id, title: words.title, author: person(row.authorId, row.authorName), withdrawnAt: withdrawnAt!.toISOString() })),
    ledger: { head: { seq: outcome.seq, hash: outcome.hash }, outcomeSeq: outcome.seq },
  };
}
