/**
 * The tally of a decision, as DESIGN.md defines it. Pure: the services call it
 * when a decision closes, the interface calls it to show the running count.
 *
 * - Only eligible members' stances count (those frozen when the decision opened).
 * - Quorum counts members with any stance, abstentions included, in heads.
 * - Majorities compare agree against disagree + block; abstentions are left out.
 * - Weighted counting weighs each stance by its declared affectedness, so a
 *   member who declares 0 (not affected) weighs nothing; when the weighted
 *   agree + disagree + block is zero the equal count decides instead.
 * - Consent: a single block fails the proposal whatever its weight; otherwise
 *   consent needs the quorum and at least one agree in the deciding count
 *   (a proposal nobody supports is not adopted, even if nobody blocks).
 * - Ties fail: a proposal passes only with more for than against.
 * - When no decision is taken (no quorum, no stance, everyone abstained)
 *   the proposal is rejected: the status quo stands.
 */
import type { DecisionRule, Fraction, StanceChoice } from './decision-rules';

/** What the tally needs of a stance. */
export interface CountedStance {
  choice: StanceChoice;
  affectedness: number;
}

/** One count, in heads (equal) or in weight (weighted). */
export interface TallyCount {
  agree: number;
  abstain: number;
  disagree: number;
  block: number;
  /** agree + disagree + block: what majorities compare (abstentions excluded). */
  total: number;
  /** total + abstain: every stance taken. */
  participating: number;
}

/** Why the outcome is what it is, for the interface to word. */
export type TallyReason =
  /** Fewer members took a stance than the quorum requires. */
  | 'no-quorum'
  /** The quorum was met (it may be zero) but nobody took a stance. */
  | 'no-stances'
  /** Everyone who took a stance abstained. */
  | 'everyone-abstained'
  /** Consent: someone blocked. */
  | 'blocked'
  /** Consent: nobody blocked and some agreed. */
  | 'consent'
  /** Consent: nobody blocked, but nobody agreed either. */
  | 'no-support'
  /** As many for as against: ties fail. */
  | 'tie'
  /** Majority: more for than against. */
  | 'majority'
  /** Majority: more against than for. */
  | 'no-majority'
  /** Supermajority: the threshold was reached. */
  | 'supermajority'
  /** Supermajority: short of the threshold (and not a tie). */
  | 'no-supermajority';

/** The outcome of a decision, with both counts side by side and which one decided. */
export interface Tally {
  /** Members eligible to take a stance. */
  eligible: number;
  /** The fewest members with a stance that meet the quorum. */
  quorumRequired: number;
  quorumMet: boolean;
  equal: TallyCount;
  weighted: TallyCount;
  decidingCount: 'equal' | 'weighted';
  outcome: 'adopted' | 'rejected';
  why: TallyReason;
}

const emptyCount = (): TallyCount => ({ agree: 0, abstain: 0, disagree: 0, block: 0, total: 0, participating: 0 });

/** The weight of a stance under weighted counting: its declared affectedness (0-3), clamped. */
export function stanceWeight(affectedness: number): number {
  // Stored stances were validated; clamping keeps a bad row from outweighing everyone.
  return Number.isInteger(affectedness) ? Math.min(3, Math.max(0, affectedness)) : 0;
}

/** The eligible members, each once. */
function distinct(eligibleIds: Iterable<string>): string[] {
  return [...new Set(eligibleIds)];
}

/** Whether every eligible member has taken a stance (so that the authors may close early). */
export function everyoneHasStance(
  eligibleIds: Iterable<string>,
  latestStanceByMember: ReadonlyMap<string, unknown>,
): boolean {
  return distinct(eligibleIds).every((id) => latestStanceByMember.has(id));
}

/** The smallest number of members out of `eligible` that meets `quorum`. */
export function quorumRequired(quorum: Fraction, eligible: number): number {
  return Math.ceil((quorum.numerator * eligible) / quorum.denominator);
}

/**
 * Counts the latest stance of each eligible member, both ways, and decides.
 * Stances of anyone not in `eligibleIds` are ignored.
 */
export function tally(
  rule: DecisionRule,
  eligibleIds: Iterable<string>,
  latestStanceByMember: ReadonlyMap<string, CountedStance>,
): Tally {
  const eligible = distinct(eligibleIds);
  const equal = emptyCount();
  const weighted = emptyCount();
  for (const id of eligible) {
    const stance = latestStanceByMember.get(id);
    if (!stance) continue;
    equal[stance.choice] += 1;
    weighted[stance.choice] += stanceWeight(stance.affectedness);
  }
  for (const count of [equal, weighted]) {
    count.total = count.agree + count.disagree + count.block;
    count.participating = count.total + count.abstain;
  }

  const decidingCount = rule.counting === 'weighted' && weighted.total > 0 ? 'weighted' : 'equal';
  const required = quorumRequired(rule.quorum, eligible.length);
  // Cross-multiplied so that the comparison is exact (see core/decision-rules.ts).
  const quorumMet = equal.participating * rule.quorum.denominator >= rule.quorum.numerator * eligible.length;
  const why = decide(rule, quorumMet, equal, decidingCount === 'weighted' ? weighted : equal);
  return {
    eligible: eligible.length,
    quorumRequired: required,
    quorumMet,
    equal,
    weighted,
    decidingCount,
    outcome: ADOPTING.has(why) ? 'adopted' : 'rejected',
    why,
  };
}

const ADOPTING: ReadonlySet<TallyReason> = new Set(['consent', 'majority', 'supermajority']);

/** The reason for the outcome, from the head count and the deciding count. */
function decide(rule: DecisionRule, quorumMet: boolean, heads: TallyCount, deciding: TallyCount): TallyReason {
  // Without quorum no decision is taken, whatever was said.
  if (!quorumMet) return 'no-quorum';
  if (heads.participating === 0) return 'no-stances';
  // One block fails consent whatever its weight, so it is read from the head count.
  if (rule.kind === 'consent' && heads.block > 0) return 'blocked';
  if (deciding.total === 0) return 'everyone-abstained';
  const against = deciding.disagree + deciding.block;
  if (rule.kind === 'consent') return deciding.agree > 0 ? 'consent' : 'no-support';
  if (deciding.agree === against) return 'tie';
  if (rule.kind === 'majority') return deciding.agree > against ? 'majority' : 'no-majority';
  const { numerator, denominator } = rule.threshold;
  return deciding.agree * denominator >= numerator * deciding.total ? 'supermajority' : 'no-supermajority';
}
