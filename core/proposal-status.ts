/** The stages of a proposal's life (the transitions arrive with the deliberation work). */
export const PROPOSAL_STATUSES = [
  'draft',
  'deliberation',
  'decision',
  'adopted',
  'rejected',
  'withdrawn',
] as const;

/** A proposal's status. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * Statuses in which a proposal's text cannot change (promise 4): while a decision judges its
 * frozen version, after the decision (the adopted or rejected text stands until a reopening),
 * and once withdrawn. The sync server refuses every update then; the editor is read-only.
 */
export const TEXT_FROZEN_STATUSES = ['decision', 'adopted', 'rejected', 'withdrawn'] as const satisfies readonly ProposalStatus[];

/** Whether a proposal's text is frozen in `status`. */
export function isTextFrozen(status: ProposalStatus): boolean {
  return (TEXT_FROZEN_STATUSES as readonly ProposalStatus[]).includes(status);
}
