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

/** Hex digits of a text hash shown: enough to tell versions apart by eye; the full hash is in the title. */
export const SHORT_HASH = 12;
