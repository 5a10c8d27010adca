import { sql } from 'drizzle-orm';
import type { DecisionSettingsInput } from '../../core/decision-rules';
import type { Db } from '../db/database';
import { assemblyDecisionSettings } from '../db/schema';
import { appendAssemblyLog } from './assembly-log-writer';
import { readDecisionSettings } from './decision-settings';
import { requireRoleFor } from './membership-guard';

/**
 * Changes how an assembly decides (stewards only; logged). Decisions already
 * open keep the rule they froze when they opened.
 */
export async function updateDecisionSettings(db: Db, actorId: string, assemblyId: string, input: DecisionSettingsInput) {
  await db.transaction(async (tx) => {
    await requireRoleFor(tx, assemblyId, actorId, 'change-decision-settings', 'STEWARDS_ONLY_DECISION_SETTINGS');
    const values = {
      rule: input.rule as unknown as Record<string, unknown>,
      reopenSignatures: input.reopenSignatures,
      affectednessGuidance: input.affectednessGuidance,
      defaultDeadlineHours: input.defaultDeadlineHours,
    };
    await tx
      .insert(assemblyDecisionSettings)
      .values({ assemblyId, ...values })
      .onConflictDoUpdate({ target: assemblyDecisionSettings.assemblyId, set: { ...values, updatedAt: sql`now()` } });
    await appendAssemblyLog(tx, { assemblyId, actorId, action: 'decision_settings.changed', details: { ...values } });
  });
  return readDecisionSettings(db, assemblyId);
}
