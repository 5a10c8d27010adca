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
