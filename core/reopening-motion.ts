/**
 * Reopening motions: a member moves to bring an adopted or rejected proposal
 * back to deliberation, others co-sign, and the motion carries once it has
 * enough signatures. The number is small and configurable so that a minority
 * can bring a commitment back (DESIGN.md, "revisit earlier commitments").
 * Who may move or sign lives in core/proposal-lifecycle.ts.
 */
import { z } from 'zod';

/** Signatures a reopening motion needs by default, the mover's included: the mover and one co-signer. */
export const DEFAULT_REOPENING_SIGNATURES = 2;

/** The most signatures an assembly may require. */
export const MAX_REOPENING_SIGNATURES = 1000;

/** An assembly's setting: how many signatures (the mover's included) carry a reopening motion. */
export const reopeningSignaturesSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_REOPENING_SIGNATURES)
  .default(DEFAULT_REOPENING_SIGNATURES);

/** A reopening motion: who moved it and who co-signs it now. */
export interface ReopeningMotion {
  moverId: string;
  coSignerIds: Iterable<string>;
}

/**
 * The signatures that count on a motion: the mover's and each co-signer's,
 * each person once. When `memberIds` is given, only those people count, so
 * that the signature of someone who has since left the assembly (the mover's
 * too) no longer does.
 */
export function motionSignatures(motion: ReopeningMotion, memberIds?: Iterable<string>): number {
  const signers = new Set([motion.moverId, ...motion.coSignerIds]);
  if (memberIds === undefined) return signers.size;
  const members = new Set(memberIds);
  return [...signers].filter((id) => members.has(id)).length;
}

/** Whether a motion is carried: at least `required` signatures, the mover's included. */
export function isMotionCarried(
  motion: ReopeningMotion,
  required: number = DEFAULT_REOPENING_SIGNATURES,
  memberIds?: Iterable<string>,
): boolean {
  // A setting below one would let a motion carry unsigned; one is the floor.
  return motionSignatures(motion, memberIds) >= Math.max(1, required);
}
