/**
 * The versions API's answers (see docs/api.md, Versions): built by
 * server/services/get-version.ts and read by the history page, defined once.
 */

/** A version as GET /api/proposals/:id/versions lists it (oldest first). */
export interface VersionSummary {
  id: string;
  proposalId: string;
  round: number;
  name: string;
  kind: 'named' | 'decision';
  textHash: string;
  createdAt: string;
  createdBy: { id: string; name: string };
}

/** A version with its text (GET /api/versions/:id): ProseMirror JSON of the text schema. */
export interface VersionWithText extends VersionSummary {
  text: unknown;
}
