import { refuse } from '../../core/refusals';
import { createSyncToken } from '../auth/sync-token';
import type { Db } from '../db/database';
import { findSyncAccess } from './sync-access';

/**
 * A short-lived token for opening a proposal's sync connection without the
 * session cookie, with the websocket URL to use it on. Members only.
 */
export async function issueSyncToken(
  db: Db,
  secret: string,
  publicUrl: string,
  caller: { id: string; sessionId: string },
  proposalId: string,
) {
  const access = await findSyncAccess(db, caller.id, proposalId);
  if (!access) throw refuse('PROPOSAL_NOT_FOUND');
  const { token, expiresAt } = createSyncToken(secret, caller.id, caller.sessionId, proposalId);
  const base = publicUrl.replace(/^http/, 'ws');
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    serverUrl: `${base}/yjs`,
    room: proposalId,
    readOnly: access.role === 'observer',
  };
}
