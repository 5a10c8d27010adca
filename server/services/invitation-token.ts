import { createHash, randomBytes } from 'node:crypto';

/** A fresh invitation token (192 random bits, URL-safe). */
export function newInvitationToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The stored form of a token: its SHA-256, so that a database leak reveals no working link. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
