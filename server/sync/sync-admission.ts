import type { IncomingMessage } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import { colorFor, type PresenceIdentity } from '../../core/presence';
import { idSchema } from '../../core/schemas';
import { SYNC_CLOSE, SYNC_SAVED_PARAM, SYNC_TOKEN_PARAM } from '../../core/sync-protocol';
import { verifySyncToken } from '../auth/sync-token';
import type { Runtime } from '../runtime';
import { findSyncAccess } from '../services/sync-access';

/** The outcome of checking a sync connection request. */
export type SyncAdmission =
  | {
      ok: true;
      proposalId: string;
      assemblyId: string;
      sessionId: string;
      identity: PresenceIdentity;
      readOnly: boolean;
      wantsSaved: boolean;
    }
  | { ok: false; code: number; reason: string };

const refused = (code: number, reason: string): SyncAdmission => ({ ok: false, code, reason });

/** The proposal id of a `/yjs/<proposalId>` path, if well-formed. */
export function syncProposalId(pathname: string): string | undefined {
  const match = /^\/yjs\/([^/]+)$/.exec(pathname);
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return undefined; // Broken percent-encoding: malformed, like any other bad id.
  }
  const parsed = idSchema.safeParse(decoded);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Decides whether a websocket upgrade to `/yjs/<proposalId>` may open, before
 * anything of the document is sent: the Origin (when a browser sends one) must
 * be this server's; the caller is identified by a sync token or the session
 * cookie (no credentials: refused without touching the database); and must be
 * a member of the proposal's assembly. Observers are admitted read-only.
 */
export async function admitSyncRequest(req: IncomingMessage, runtime: Runtime): Promise<SyncAdmission> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const proposalId = syncProposalId(url.pathname);
  if (!proposalId) return refused(SYNC_CLOSE.malformed, 'not a proposal text');
  const origin = req.headers.origin;
  if (origin !== undefined && !runtime.trustedOrigins.includes(origin)) return refused(SYNC_CLOSE.forbidden, 'origin not allowed');

  let caller: { userId: string; sessionId: string } | undefined;
  const token = url.searchParams.get(SYNC_TOKEN_PARAM);
  if (token) {
    caller = verifySyncToken(runtime.secret, token, proposalId);
    if (!caller) return refused(SYNC_CLOSE.unauthenticated, 'invalid or expired token');
  } else {
    if (!req.headers.cookie) return refused(SYNC_CLOSE.unauthenticated, 'sign in first');
    const session = await runtime.auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
    if (!session) return refused(SYNC_CLOSE.unauthenticated, 'sign in first');
    caller = { userId: session.user.id, sessionId: session.session.id };
  }
  const { userId, sessionId } = caller;

  // With a token, the same query checks that the session which asked for it has not ended.
  const access = await findSyncAccess(runtime.db, userId, proposalId, token ? sessionId : undefined);
  if (!access) return refused(SYNC_CLOSE.forbidden, 'not a member of this assembly');
  if (!access.sessionAlive) return refused(SYNC_CLOSE.unauthenticated, 'the session that asked for this token ended');
  return {
    ok: true,
    proposalId,
    assemblyId: access.assemblyId,
    sessionId,
    identity: { id: userId, name: access.name, color: colorFor(userId) },
    readOnly: access.role === 'observer',
    wantsSaved: url.searchParams.get(SYNC_SAVED_PARAM) === '1',
  };
}
