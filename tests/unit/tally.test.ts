import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DECISION_RULE,
  STANCE_REASON_MAX,
  decisionRuleSchema,
  stanceInputSchema,
  type Counting,
  type DecisionRule,
  type StanceChoice,
} from '../../core/decision-rules';
import { everyoneHasStance, quorumRequired, tally, type CountedStance } from '../../core/tally';

type Cast = [member: string, choice: StanceChoice, affectedness?: number];

/** Latest stances by member; affectedness 1 unless said. */
function stances(...casts: Cast[]): Map<string, CountedStance> {
  return new Map(casts.map(([id, choice, affectedness = 1]) => [id, { choice, affectedness }]));
}

const none = { numerator: 0, denominator: 1 };
const half = { numerator: 1, denominator: 2 };
const twoThirds = { numerator: 2, denominator: 3 };
const consent = (counting: Counting = 'equal', quorum = none): DecisionRule => ({ kind: 'consent', quorum, counting });
const majority = (counting: Counting = 'equal', quorum = none): DecisionRule => ({ kind: 'majority', quorum, counting });
const supermajority = (threshold = twoThirds, counting: Counting = 'equal'): DecisionRule => ({
  kind: 'supermajority',
  threshold,
  quorum: none,
  counting,
});
const ALL_RULES = [consent(), majority(), supermajority(), consent('weighted'), majority('weighted')];

/** Members m0 … m(n-1). */
const members = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

describe('tally: quorum', () => {
  it('counts members with any stance, abstentions included', () => {
    const rule = majority('equal', half);
    const short = tally(rule, members(4), stances(['m0', 'agree']));
    expect(short).toMatchObject({ quorumMet: false, quorumRequired: 2, outcome: 'rejected', why: 'no-quorum' });
    const met = tally(rule, members(4), stances(['m0', 'agree'], ['m1', 'abstain']));
    expect(met).toMatchObject({ quorumMet: true, outcome: 'adopted', why: 'majority' });
  });

  it('rounds the members needed up, and counts heads even when weighted', () => {
    expect(quorumRequired(half, 5)).toBe(3);
    expect(quorumRequired({ numerator: 3, denominator: 10 }, 10)).toBe(3);
    // Two heads out of five miss a half, however much they weigh.
    const result = tally(majority('weighted', half), members(5), stances(['m0', 'agree', 3], ['m1', 'agree', 3]));
    expect(result.why).toBe('no-quorum');
    // Three out of ten meet 3/10 exactly (a float quorum would miss: 0.3 × 10 > 3).
    const threeOfTen = stances(['m0', 'agree'], ['m1', 'agree'], ['m2', 'abstain']);
    const exact = tally(majority('equal', { numerator: 3, denominator: 10 }), members(10), threeOfTen);
    expect(exact.quorumMet).toBe(true);
  });

  it('fails for want of a quorum before anything else, a block included', () => {
    const result = tally(consent('equal', half), members(4), stances(['m0', 'block']));
    expect(result.why).toBe('no-quorum');
  });

  it('rejects when nobody took a stance, even with no quorum required', () => {
    for (const rule of ALL_RULES) {
      expect(tally(rule, members(3), new Map())).toMatchObject({ outcome: 'rejected', why: 'no-stances' });
    }
    expect(tally(majority(), [], new Map())).toMatchObject({ eligible: 0, quorumMet: true, why: 'no-stances' });
  });
});

describe('tally: outcomes under each rule', () => {
  it('rejects when everyone abstained, under every rule', () => {
    const all = stances(['m0', 'abstain', 3], ['m1', 'abstain'], ['m2', 'abstain', 0]);
    for (const rule of ALL_RULES) {
      expect(tally(rule, members(3), all)).toMatchObject({ quorumMet: true, outcome: 'rejected', why: 'everyone-abstained' });
    }
  });

  it('fails ties under majority and supermajority', () => {
    const even = stances(['m0', 'agree'], ['m1', 'agree'], ['m2', 'disagree'], ['m3', 'block'], ['m4', 'abstain']);
    expect(tally(majority(), members(5), even)).toMatchObject({ outcome: 'rejected', why: 'tie' });
    expect(tally(supermajority(), members(5), even)).toMatchObject({ outcome: 'rejected', why: 'tie' });
    expect(tally(majority('weighted'), members(2), stances(['m0', 'agree', 2], ['m1', 'disagree', 2])).why).toBe('tie');
  });

  it('decides a majority on agree against disagree + block, abstentions excluded', () => {
    const casts = stances(
      ['m0', 'agree'],
      ['m1', 'agree'],
      ['m2', 'disagree'],
      ['m3', 'abstain'],
      ['m4', 'abstain'],
      ['m5', 'abstain'],
    );
    const result = tally(majority(), members(6), casts);
    expect(result).toMatchObject({ outcome: 'adopted', why: 'majority' });
    expect(result.equal).toEqual({ agree: 2, abstain: 3, disagree: 1, block: 0, total: 3, participating: 6 });
    expect(tally(majority(), members(3), stances(['m0', 'agree'], ['m1', 'disagree'], ['m2', 'block'])).why).toBe('no-majority');
  });

  it('fails consent on one block, whatever its weight and however many agree', () => {
    const casts = stances(...members(9).map((id): Cast => [id, 'agree', 3]), ['m9', 'block', 0]);
    for (const counting of ['equal', 'weighted'] as const) {
      expect(tally(consent(counting), members(10), casts)).toMatchObject({ outcome: 'rejected', why: 'blocked' });
    }
  });

  it('counts a block as a no under majority and supermajority', () => {
    const twoForOneBlock = stances(['m0', 'agree'], ['m1', 'agree'], ['m2', 'block']);
    expect(tally(majority(), members(3), twoForOneBlock)).toMatchObject({ outcome: 'adopted', why: 'majority' });
    expect(tally(supermajority(), members(3), twoForOneBlock)).toMatchObject({ outcome: 'adopted', why: 'supermajority' });
    const oneEach = stances(['m0', 'agree'], ['m1', 'block']);
    expect(tally(majority(), members(2), oneEach).why).toBe('tie');
    expect(tally(supermajority(), members(2), oneEach).why).toBe('tie');
  });

  it('adopts by consent when nobody blocks and someone agrees, disagreements notwithstanding', () => {
    const result = tally(consent(), members(4), stances(['m0', 'agree'], ['m1', 'disagree'], ['m2', 'disagree'], ['m3', 'abstain']));
    expect(result).toMatchObject({ outcome: 'adopted', why: 'consent' });
    const nobodyFor = tally(consent(), members(2), stances(['m0', 'disagree'], ['m1', 'abstain']));
    expect(nobodyFor).toMatchObject({ outcome: 'rejected', why: 'no-support' });
  });

  it('takes the default rule as consent with half the members, counted equally', () => {
    const halfIn = stances(['m0', 'agree'], ['m1', 'abstain']);
    expect(tally(DEFAULT_DECISION_RULE, members(4), halfIn)).toMatchObject({ why: 'consent', decidingCount: 'equal' });
    expect(tally(DEFAULT_DECISION_RULE, members(4), stances(['m0', 'agree'])).why).toBe('no-quorum');
  });
});

describe('tally: supermajority thresholds at the boundary', () => {
  it.each([
    [twoThirds, 2, 1, 'supermajority'],
    [twoThirds, 3, 2, 'no-supermajority'],
    [twoThirds, 4, 2, 'supermajority'],
    [{ numerator: 7, denominator: 10 }, 7, 3, 'supermajority'], // 0.7 × 10 is 7.000000000000001 in floats
    [{ numerator: 7, denominator: 10 }, 6, 3, 'no-supermajority'],
    [{ numerator: 3, denominator: 5 }, 3, 2, 'supermajority'],
    [{ numerator: 1, denominator: 1 }, 5, 0, 'supermajority'],
    [{ numerator: 1, denominator: 1 }, 5, 1, 'no-supermajority'],
    [{ numerator: 51, denominator: 100 }, 51, 49, 'supermajority'],
    [{ numerator: 51, denominator: 100 }, 50, 49, 'no-supermajority'],
  ] as const)('threshold %o: %i for, %i against → %s', (threshold, agree, against, why) => {
    const casts = stances(
      ...members(agree).map((id): Cast => [id, 'agree']),
      ...Array.from({ length: against }, (_, i): Cast => [`n${i}`, 'disagree']),
    );
    const eligible = [...casts.keys()];
    expect(tally(supermajority(threshold), eligible, casts).why).toBe(why);
  });

  it('applies the threshold to weights when weighted', () => {
    // Weights 2 + 2 for, 2 + 0 against: exactly 2/3 by weight, a tie by heads.
    const casts = stances(['m0', 'agree', 2], ['m1', 'agree', 2], ['m2', 'disagree', 2], ['m3', 'disagree', 0]);
    const result = tally(supermajority(twoThirds, 'weighted'), members(4), casts);
    expect(result).toMatchObject({ decidingCount: 'weighted', why: 'supermajority' });
    expect(tally(supermajority(twoThirds, 'equal'), members(4), casts).why).toBe('tie');
  });
});

describe('tally: weighted and equal counts', () => {
  // Three mildly affected members agree; two gravely affected ones disagree.
  const casts = stances(
    ['m0', 'agree', 1],
    ['m1', 'agree', 1],
    ['m2', 'agree', 1],
    ['m3', 'disagree', 3],
    ['m4', 'disagree', 3],
    ['m5', 'abstain', 2],
  );

  it('always reports both counts, and the rule says which decides', () => {
    const equal = tally(majority('equal'), members(6), casts);
    const weighted = tally(majority('weighted'), members(6), casts);
    for (const result of [equal, weighted]) {
      expect(result.equal).toEqual({ agree: 3, abstain: 1, disagree: 2, block: 0, total: 5, participating: 6 });
      expect(result.weighted).toEqual({ agree: 3, abstain: 2, disagree: 6, block: 0, total: 9, participating: 11 });
    }
    expect(equal).toMatchObject({ decidingCount: 'equal', outcome: 'adopted', why: 'majority' });
    expect(weighted).toMatchObject({ decidingCount: 'weighted', outcome: 'rejected', why: 'no-majority' });
  });

  it('lets the equal count decide when the weighted total is zero', () => {
    const unaffected = stances(['m0', 'agree', 0], ['m1', 'agree', 0], ['m2', 'disagree', 0], ['m3', 'abstain', 3]);
    const result = tally(majority('weighted'), members(4), unaffected);
    expect(result.weighted).toMatchObject({ total: 0, participating: 3 });
    expect(result).toMatchObject({ decidingCount: 'equal', outcome: 'adopted', why: 'majority' });
    expect(tally(consent('weighted'), members(4), unaffected)).toMatchObject({ decidingCount: 'equal', why: 'consent' });
  });

  it('weighs a stance by its declared affectedness, 0 weighing nothing', () => {
    const result = tally(majority('weighted'), members(3), stances(['m0', 'agree', 0], ['m1', 'disagree', 1], ['m2', 'agree', 0]));
    expect(result).toMatchObject({ decidingCount: 'weighted', why: 'no-majority' });
    expect(result.equal.agree).toBe(2);
  });

  it('reads consent support from the deciding count', () => {
    // Only unaffected members agree while an affected one disagrees: nobody who counts supports it.
    const result = tally(consent('weighted'), members(2), stances(['m0', 'agree', 0], ['m1', 'disagree', 2]));
    expect(result).toMatchObject({ decidingCount: 'weighted', why: 'no-support' });
    expect(tally(consent('equal'), members(2), stances(['m0', 'agree', 0], ['m1', 'disagree', 2])).why).toBe('consent');
  });
});

describe('tally: eligibility', () => {
  it("ignores stances of anyone who is not eligible, a block included", () => {
    const casts = stances(['m0', 'agree'], ['m1', 'agree'], ['outsider', 'block', 3], ['late', 'disagree']);
    const result = tally(consent('weighted'), ['m0', 'm1', 'm2'], casts);
    expect(result).toMatchObject({ eligible: 3, outcome: 'adopted', why: 'consent' });
    expect(result.equal).toMatchObject({ agree: 2, block: 0, disagree: 0, participating: 2 });
  });

  it('counts an eligible member listed twice once', () => {
    const result = tally(majority('equal', { numerator: 1, denominator: 1 }), ['m0', 'm0', 'm1'], stances(['m0', 'agree']));
    expect(result).toMatchObject({ eligible: 2, quorumMet: false });
  });

  it('knows when every eligible member has a stance', () => {
    const casts = stances(['m0', 'agree'], ['m1', 'abstain'], ['outsider', 'agree']);
    expect(everyoneHasStance(['m0', 'm1'], casts)).toBe(true);
    expect(everyoneHasStance(['m0', 'm1', 'm2'], casts)).toBe(false);
    expect(everyoneHasStance([], casts)).toBe(true);
  });
});

describe('decision rule and stance inputs', () => {
  it('accepts the rules DESIGN.md names and refuses bad thresholds and quorums', () => {
    const parsed: DecisionRule = decisionRuleSchema.parse(DEFAULT_DECISION_RULE);
    expect(parsed).toEqual(DEFAULT_DECISION_RULE);
    expect(decisionRuleSchema.safeParse(supermajority()).success).toBe(true);
    expect(decisionRuleSchema.safeParse(supermajority({ numerator: 1, denominator: 1 })).success).toBe(true);
    expect(decisionRuleSchema.safeParse(supermajority(half)).success).toBe(false);
    expect(decisionRuleSchema.safeParse(supermajority({ numerator: 4, denominator: 3 })).success).toBe(false);
    expect(decisionRuleSchema.safeParse({ kind: 'supermajority', quorum: half, counting: 'equal' }).success).toBe(false);
    expect(decisionRuleSchema.safeParse(majority('equal', { numerator: 3, denominator: 2 })).success).toBe(false);
    expect(decisionRuleSchema.safeParse(majority('equal', { numerator: 1, denominator: 0 })).success).toBe(false);
    expect(decisionRuleSchema.safeParse({ ...majority(), counting: 'by-seniority' }).success).toBe(false);
    expect(decisionRuleSchema.safeParse({ ...majority(), threshold: twoThirds }).success).toBe(false);
  });

  it('requires a reason to disagree or block, and affectedness 0 to 3', () => {
    expect(stanceInputSchema.parse({ choice: 'agree', affectedness: 0 })).toEqual({ choice: 'agree', affectedness: 0, reason: null });
    expect(stanceInputSchema.parse({ choice: 'abstain', affectedness: 1, reason: '  ' }).reason).toBeNull();
    const block = stanceInputSchema.parse({ choice: 'block', affectedness: 3, reason: ' Harms the night shift ' });
    expect(block.reason).toBe('Harms the night shift');
    for (const choice of ['disagree', 'block'] as const) {
      const missing = stanceInputSchema.safeParse({ choice, affectedness: 2 });
      expect(missing.success).toBe(false);
      expect(missing.error?.issues[0]?.path).toEqual(['reason']);
      expect(stanceInputSchema.safeParse({ choice, affectedness: 2, reason: '   ' }).success).toBe(false);
    }
    for (const affectedness of [-1, 4, 1.5, '2']) {
      expect(stanceInputSchema.safeParse({ choice: 'agree', affectedness }).success).toBe(false);
    }
    const tooLong = 'x'.repeat(STANCE_REASON_MAX + 1);
    expect(stanceInputSchema.safeParse({ choice: 'disagree', affectedness: 1, reason: tooLong }).success).toBe(false);
    expect(stanceInputSchema.safeParse({ choice: 'disagree', affectedness: 1, reason: 'bad \uD800' }).success).toBe(false);
    expect(stanceInputSchema.safeParse({ choice: 'maybe', affectedness: 1 }).success).toBe(false);
    expect(stanceInputSchema.safeParse({ choice: 'agree', affectedness: 1, weight: 9 }).success).toBe(false);
  });
});
