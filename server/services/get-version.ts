import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { proposalVersion, user } from '../db/schema';
import { refuse } from '../../core/refusals';
import type { VersionSummary, VersionWithText } from '../../core/version-views';
import { readableProposal } from './dissent-guard';

const summary = {
  id: proposalVersion.id,
  proposalId: proposalVersion.proposalId,
  round: proposalVersion.round,
  name: proposalVersion.name,
  kind: proposalVersion.kind,
  textHash: proposalVersion.textHash,
  createdAt: proposalVersion.createdAt,
  authorId: user.id,
  authorName: user.name,
};

type SummaryRow = { [K in keyof typeof summary]: unknown } & { createdAt: Date; authorId: string; authorName: string };

function present(row: SummaryRow): VersionSummary {
  const { authorId, authorName, createdAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), createdBy: { id: authorId, name: authorName } } as VersionSummary;
}

/** A proposal's versions, oldest first, without their texts. Any member. */
export async function listVersions(db: Db, userId: string, proposalId: string): Promise<VersionSummary[]> {
  await readableProposal(db, proposalId, userId);
  const rows = await db
    .select(summary)
    .from(proposalVersion)
    .innerJoin(user, eq(user.id, proposalVersion.createdBy))
    .where(eq(proposalVersion.proposalId, proposalId))
    .orderBy(asc(proposalVersion.createdAt), asc(proposalVersion.id));
  return rows.map((row) => present(row as SummaryRow));
}

/** One version with its text as ProseMirror JSON. Any member of the proposal's assembly. */
export async function getVersion(db: Db, userId: string, versionId: string): Promise<VersionWithText> {
  const [row] = await db
    .select({ ...summary, pmJson: proposalVersion.pmJson })
    .from(proposalVersion)
    .innerJoin(user, eq(user.id, proposalVersion.createdBy))
    .where(eq(proposalVersion.id, versionId));
  if (!row) throw refuse('VERSION_NOT_FOUND');
  await readableProposal(db, row.proposalId, userId, 'VERSION_NOT_FOUND');
  const { pmJson, ...rest } = row;
  return { ...present(rest as SummaryRow), text: pmJson };
}
