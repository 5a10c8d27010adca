import { asc, desc, eq } from 'drizzle-orm';
import type { DecisionRule, StanceChoice } from '../../core/decision-rules';
import { tally, type CountedStance, type Tally } from '../../core/tally';
import type { Queryable } from '../db/database';
import { decision, decisionClosing, stance, user } from '../db/schema';

/** A member's current stance in a decision (their last row), with every change they made counted. */
export interface CurrentStance {
  userId: string;
  name: string;
  choice: StanceChoice;
  affectedness: number;
  reason: string;
  versionId: string;
  at: Date;
  /** How many times they took or changed a stance. */
  changes: number;
}

/** A proposal's latest decision with its stances and live tally. */
export interface DecisionState {
  decision: typeof decision.$inferSelect;
  rule: DecisionRule;
  closing: typeof decisionClosing.$inferSelect | undefined;
  stances: Map<string, CurrentStance>;
  tally: Tally;
}

/** The latest decision of a proposal (any round), or undefined when none was ever opened. */
export async function loadDecisionState(db: Queryable, proposalId: string): Promise<DecisionState | undefined> {
  const [row] = await db
    .select()
    .from(decision)
    .where(eq(decision.proposalId, proposalId))
    .orderBy(desc(decision.round), desc(decision.createdAt))
    .limit(1);
  if (!row) return undefined;
  return loadStateOf(db, row);
}

/** The state of one decision. */
export async function loadStateOf(db: Queryable, row: typeof decision.$inferSelect): Promise<DecisionState> {
  const [[closing], rows] = await Promise.all([
    db.select().from(decisionClosing).where(eq(decisionClosing.decisionId, row.id)),
    db
      .select({ stance, name: user.name })
      .from(stance)
      .innerJoin(user, eq(user.id, stance.userId))
      .where(eq(stance.decisionId, row.id))
      .orderBy(asc(stance.id)),
  ]);
  const stances = new Map<string, CurrentStance>();
  for (const { stance: s, name } of rows) {
    const changes = (stances.get(s.userId)?.changes ?? 0) + 1;
    stances.set(s.userId, {
      userId: s.userId,
      name,
      choice: s.choice,
      affectedness: s.affectedness,
      reason: s.reason,
      versionId: s.versionId,
      at: s.createdAt,
      changes,
    });
  }
  const rule = row.rule as unknown as DecisionRule;
  const counted = new Map<string, CountedStance>([...stances].map(([id, s]) => [id, { choice: s.choice, affectedness: s.affectedness }]));
  return { decision: row, rule, closing, stances, tally: tally(rule, row.eligibleIds, counted) };
}
