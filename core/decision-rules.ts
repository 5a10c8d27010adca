/**
 * Decision rules and stances (DESIGN.md, "Decision rule" and "Stance"): the
 * types, the default rule and the input schemas shared by the browser's forms
 * and the server's validation. Counting lives in core/tally.ts.
 *
 * Thresholds and quorums are exact fractions of integers, never floats: with
 * floats, 0.7 × 10 is 7.000000000000001 and seven agreeing out of ten would
 * miss a 70% threshold. Every comparison in the tally is made by
 * cross-multiplying integers.
 */
import { z } from 'zod';
import { isStorableText } from './schemas';

/** How a decision is taken. */
export const DECISION_KINDS = ['consent', 'majority', 'supermajority'] as const;
/** How a decision is taken: `consent` (no block), `majority` or `supermajority`. */
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** How stances are counted: one member one voice, or weighted by declared affectedness. */
export const COUNTINGS = ['equal', 'weighted'] as const;
/** How stances are counted. */
export type Counting = (typeof COUNTINGS)[number];

/** An exact fraction `numerator / denominator` of non-negative integers (denominator ≥ 1). */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/** Fields every rule has. */
interface RuleBase {
  /**
   * The share of eligible members who must have taken a stance (any stance,
   * abstentions included), as a fraction in [0, 1] of the eligible members
   * frozen when the decision opens. A fraction rather than a head count,
   * because a rule is set per assembly and outlives changes in membership.
   * Always counted in members, never in weight.
   */
  quorum: Fraction;
  counting: Counting;
}

/**
 * A decision rule. `supermajority` carries its threshold, a fraction in
 * (1/2, 1]: the proposal passes when agree ≥ threshold × (agree + disagree + block).
 */
export type DecisionRule =
  | (RuleBase & { kind: 'consent' })
  | (RuleBase & { kind: 'majority' })
  | (RuleBase & { kind: 'supermajority'; threshold: Fraction });

/**
 * The rule an assembly starts with: consent (the usual rule of self-managing
 * assemblies) with half of the eligible members taking a stance, counted equally.
 */
export const DEFAULT_DECISION_RULE: DecisionRule = {
  kind: 'consent',
  quorum: { numerator: 1, denominator: 2 },
  counting: 'equal',
};

/** What a member can say of a proposal. */
export const STANCE_CHOICES = ['agree', 'abstain', 'disagree', 'block'] as const;
/** A member's choice: `agree`, `abstain`, `disagree` or `block`. */
export type StanceChoice = (typeof STANCE_CHOICES)[number];

/** Choices that must give a reason (and may be filed as a dissent). */
export const CHOICES_NEEDING_REASON: readonly StanceChoice[] = ['disagree', 'block'];

/** How much the decision affects a member, as they declare it: 0 not, 1 somewhat, 2 strongly, 3 gravely. */
export type Affectedness = 0 | 1 | 2 | 3;

/** The longest reason a stance may give. */
export const STANCE_REASON_MAX = 5_000;

/** A stance as stored: the choice, its reason, the declared affectedness and the version it judged. */
export interface Stance {
  choice: StanceChoice;
  affectedness: Affectedness;
  /** Required for `disagree` and `block`; null when none was given. */
  reason: string | null;
  /** The frozen version the stance judged (promise 4). */
  versionId: string;
}

// Denominators stay small so that cross-multiplied weighted totals stay exact integers.
const MAX_DENOMINATOR = 1000;

const fractionShape = {
  numerator: z.number().int().min(0).max(MAX_DENOMINATOR),
  denominator: z.number().int().min(1).max(MAX_DENOMINATOR),
};

/** A quorum: a fraction in [0, 1]. */
export const quorumSchema = z
  .strictObject(fractionShape)
  .refine((f) => f.numerator <= f.denominator, { error: 'A quorum is at most all eligible members' });

/** A supermajority threshold: a fraction in (1/2, 1]. */
export const thresholdSchema = z
  .strictObject(fractionShape)
  .refine((f) => 2 * f.numerator > f.denominator && f.numerator <= f.denominator, {
    error: 'A supermajority threshold is more than half and at most all',
  });

const ruleBaseShape = { quorum: quorumSchema, counting: z.enum(COUNTINGS) };

/** A decision rule, as an assembly sets it or a proposal overrides it. */
export const decisionRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('consent'), ...ruleBaseShape }),
  z.strictObject({ kind: z.literal('majority'), ...ruleBaseShape }),
  z.strictObject({ kind: z.literal('supermajority'), threshold: thresholdSchema, ...ruleBaseShape }),
]);

/** Body of "take a stance" (the server stamps the frozen version it judged). */
export const stanceInputSchema = z
  .strictObject({
    choice: z.enum(STANCE_CHOICES),
    affectedness: z.literal([0, 1, 2, 3], { error: 'Affectedness is 0, 1, 2 or 3' }),
    reason: z
      .string()
      .trim()
      .max(STANCE_REASON_MAX, `A reason is at most ${STANCE_REASON_MAX} characters`)
      .refine((value) => isStorableText(value), { error: 'The reason contains characters that cannot be stored' })
      .nullish()
      // An empty reason is no reason, so that "disagree" with blanks is refused below.
      .transform((value) => (value ? value : null)),
  })
  .superRefine((stance, context) => {
    if (CHOICES_NEEDING_REASON.includes(stance.choice) && stance.reason === null) {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'A reason is required to disagree or block' });
    }
  });
/** A validated stance input. */
export type StanceInput = z.infer<typeof stanceInputSchema>;

/** Body of "open the decision": optionally a rule for this proposal (else the assembly's) and a deadline (ISO 8601). */
export const openDecisionSchema = z.strictObject({
  rule: decisionRuleSchema.optional(),
  deadline: z.iso.datetime({ offset: true }).optional(),
});
/** A validated "open the decision" body. */
export type OpenDecisionInput = z.infer<typeof openDecisionSchema>;

/** Body of "change how the assembly decides" (stewards). */
export const decisionSettingsSchema = z.strictObject({
  rule: decisionRuleSchema,
  reopenSignatures: z.number().int().min(1).max(1000),
  affectednessGuidance: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'Each level needs guidance')
        .max(500, 'Guidance is at most 500 characters a level')
        .refine((value) => isStorableText(value), { error: 'Guidance contains characters that cannot be stored' }),
    )
    .length(4, 'Give guidance for each level, 0 to 3'),
  defaultDeadlineHours: z.number().int().min(1).max(24 * 365),
});
/** A validated decision-settings body. */
export type DecisionSettingsInput = z.infer<typeof decisionSettingsSchema>;
