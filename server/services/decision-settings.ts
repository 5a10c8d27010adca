import { eq } from 'drizzle-orm';
import { DEFAULT_DECISION_RULE, type DecisionRule } from '../../core/decision-rules';
import { DEFAULT_REOPENING_SIGNATURES } from '../../core/reopening-motion';
import type { Queryable } from '../db/database';
import { assemblyDecisionSettings } from '../db/schema';
import { requireMembership } from './membership-guard';

/** How an assembly decides: its rule, the signatures a reopening needs, affectedness guidance, the usual deadline. */
export interface DecisionSettings {
  rule: DecisionRule;
  reopenSignatures: number;
  /** What each level of affectedness (0-3) means here, in the assembly's words. */
  affectednessGuidance: string[];
  defaultDeadlineHours: number;
}

/** The settings an assembly starts with, until its stewards change them. */
export const DEFAULT_DECISION_SETTINGS: DecisionSettings = {
  rule: DEFAULT_DECISION_RULE,
  reopenSignatures: DEFAULT_REOPENING_SIGNATURES,
  affectednessGuidance: [
    'Not affected: the decision does not change my life here.',
    'Somewhat affected: it changes some of my days or duties.',
    'Strongly affected: it changes how I live or work here.',
    'Gravely affected: it threatens my home, livelihood or safety.',
  ],
  defaultDeadlineHours: 72,
};

/** An assembly's decision settings (the defaults when none were saved). */
export async function readDecisionSettings(db: Queryable, assemblyId: string): Promise<DecisionSettings> {
  const [row] = await db.select().from(assemblyDecisionSettings).where(eq(assemblyDecisionSettings.assemblyId, assemblyId));
  if (!row) return DEFAULT_DECISION_SETTINGS;
  return {
    rule: row.rule as unknown as DecisionRule,
    reopenSignatures: row.reopenSignatures,
    affectednessGuidance: row.affectednessGuidance,
    defaultDeadlineHours: row.defaultDeadlineHours,
  };
}

/** An assembly's decision settings, for its members. */
export async function getDecisionSettings(db: Queryable, userId: string, assemblyId: string): Promise<DecisionSettings> {
  await requireMembership(db, assemblyId, userId);
  return readDecisionSettings(db, assemblyId);
}
