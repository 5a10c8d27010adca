import { can } from '../../core/roles';
import { refuse } from '../../core/refusals';
import type { SaveVersionInput } from '../../core/schemas';
import type { Db } from '../db/database';
import { openProposal } from './dissent-guard';
import { announceRoundChange } from './round-events';
import { captureVersion } from './version-capture';
import { getVersion } from './get-version';

/** Saves a named version of a proposal's committed text: any writer, at any stage. */
export async function saveVersion(db: Db, actorId: string, proposalId: string, input: SaveVersionInput) {
  const { assemblyId, captured } = await db.transaction(async (tx) => {
    const { proposal, role } = await openProposal(tx, proposalId, actorId);
    if (!can(role, 'create-proposal')) throw refuse('OBSERVERS_CANNOT_SAVE_VERSIONS');
    const captured = await captureVersion(tx, proposal, { name: input.name, kind: 'named', actorId });
    return { assemblyId: proposal.assemblyId, captured };
  });
  announceRoundChange({ type: 'version.saved', assemblyId, proposalId, actorId, versionId: captured.id, entry: captured.entry });
  return getVersion(db, actorId, captured.id);
}
