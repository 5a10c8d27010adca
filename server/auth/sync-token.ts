import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a sync token lets a client open a connection. */
export const SYNC_TOKEN_TTL_SECONDS = 300;

interface TokenClaims {
  /** User id. */
  u: string;
  /** The session that asked for the token: its end ends connections opened with the token. */
  s: string;
  /** Proposal id. */
  p: string;
  /** Expiry, seconds since the epoch. */
  e: number;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', `plenary-sync:${secret}`).update(payload).digest('base64url');
}

/**
 * A short-lived token that lets a client without the session cookie (a
 * script, a bot, a benchmark) open the sync connection of one proposal as
 * one member. Signed with the server secret; membership is still checked
 * when the connection opens.
 */
export function createSyncToken(secret: string, userId: string, sessionId: string, proposalId: string, now = Date.now()) {
  const expiresAt = Math.floor(now / 1000) + SYNC_TOKEN_TTL_SECONDS;
  const claims: TokenClaims = { u: userId, s: sessionId, p: proposalId, e: expiresAt };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${payload}.${sign(secret, payload)}`, expiresAt: new Date(expiresAt * 1000) };
}

/** The user (and session) a token speaks for, if it is genuine, unexpired and for this proposal. */
export function verifySyncToken(
  secret: string,
  token: string,
  proposalId: string,
  now = Date.now(),
): { userId: string; sessionId: string } | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || token.length > 1000) return undefined;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return undefined;
  }
  if (typeof claims.u !== 'string' || typeof claims.s !== 'string' || claims.p !== proposalId || typeof claims.e !== 'number') {
    return undefined;
  }
  return claims.e * 1000 > now ? { userId: claims.u, sessionId: claims.s } : undefined;
}
