/**
 * The dissents API's answers (see docs/api.md): plain JSON shapes, built by
 * server/services/dissent-views.ts and read by the browser, defined once.
 */

/** A person as the API names them. */
export interface PersonRef {
  id: string;
  name: string;
}

/** The quote selector the server computed when the dissent was filed. */
export interface DissentQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a dissent points; null in {@link DissentView.anchor} for the whole proposal. */
export interface DissentAnchor {
  /** Base64 of Y.encodeRelativePosition. */
  start: string;
  end: string;
  quote: DissentQuote;
  /** How the server found the passage in its committed text. */
  passage: 'present' | 'reanchored' | 'removed';
}

/** A reply in a dissent's thread. `body` and `bodyHtml` are null once it is retracted. */
export interface ReplyView {
  id: string;
  dissentId: string;
  parentReplyId: string | null;
  author: PersonRef;
  body: string | null;
  bodyHtml: string | null;
  retracted: boolean;
  retractedAt: string | null;
  revision: number;
  createdAt: string;
  revisedAt: string;
  mine: boolean;
}

/** A dissent with its current words, signers and replies. */
export interface DissentView {
  id: string;
  proposalId: string;
  author: PersonRef;
  state: 'standing' | 'withdrawn';
  withdrawnAt: string | null;
  anchor: DissentAnchor | null;
  title: string;
  body: string;
  /** Sanitised by the server; the only HTML the page inserts. */
  bodyHtml: string;
  alternativeWording: string | null;
  revision: number;
  createdAt: string;
  revisedAt: string;
  signers: (PersonRef & { signedAt: string })[];
  /** Flat, in posting order; `parentReplyId` gives the nesting. */
  replies: ReplyView[];
  isNew: boolean;
  ledgerSeq: number;
  mine: boolean;
  iSigned: boolean;
}

/** The head of a proposal's ledger. */
export interface LedgerHeadView {
  seq: number;
  hash: string;
}

/** GET /api/proposals/:proposalId/dissents */
export interface DissentList {
  dissents: DissentView[];
  ledgerHead: LedgerHeadView | null;
  seenSeq: number;
}

/** One kept revision of a dissent (GET /api/dissents/:dissentId). */
export interface DissentRevisionView {
  revision: number;
  title: string;
  body: string;
  bodyHtml: string;
  alternativeWording: string | null;
  createdAt: string;
}

/** One kept revision of a reply (GET /api/replies/:replyId). */
export interface ReplyRevisionView {
  revision: number;
  body: string;
  bodyHtml: string;
  createdAt: string;
}
