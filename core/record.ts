/**
 * The published record of a decided proposal (DESIGN.md, "Record"): the final
 * text, the outcome with its tally, every standing dissent as a minority
 * report, the withdrawn ones listed, and the ledger head it was checked
 * against. Plain JSON: the server assembles it, the browser renders it, and
 * the Markdown and PDF exports are made from it alone.
 */
import type { DissentQuote, PersonRef } from './dissent-views';
import type { LedgerHead } from './ledger';

/** How a decided proposal ended. */
export type RecordOutcome = 'adopted' | 'rejected';

/** A decision rule's kind (DESIGN.md, "Decision rule"). */
export type RecordRuleKind = 'consent' | 'majority' | 'supermajority';

/** Whether every member counts once, or in proportion to their declared affectedness. */
export type RecordCounting = 'equal' | 'weighted';

/** One way of counting the stances. `total` counts every stance, abstentions included. */
export interface RecordCounts {
  agree: number;
  abstain: number;
  disagree: number;
  block: number;
  total: number;
}

/** The decision's tally: both counts side by side, and which one decided. */
export interface RecordTally {
  /** One per member with a stance. */
  equal: RecordCounts;
  /** Each stance weighted by its declared affectedness. */
  weighted: RecordCounts;
  /** The count that decided (the equal one when the weighted total is zero). */
  decidedBy: RecordCounting;
  /** Members who could take a stance, frozen when the decision opened. */
  eligible: number;
  quorumMet: boolean;
  /** The rule as frozen and ledgered when the decision opened. */
  rule: {
    kind: RecordRuleKind;
    /** Share of agree needed, in (0, 1]; null unless the kind is supermajority. */
    threshold: number | null;
    /** Members with any stance (abstentions included) needed for a decision. */
    quorum: number;
    counting: RecordCounting;
  };
}

/** A mark of the text, as ProseMirror's `Mark.toJSON()` writes it. */
export interface TextMarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node of the text, as ProseMirror's `Node.toJSON()` writes it (schema: core/text-schema.ts). */
export interface TextNodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TextNodeJson[];
  marks?: TextMarkJson[];
  text?: string;
}

/** A standing dissent, published as a minority report. */
export interface RecordMinorityReport {
  dissentId: string;
  /** Fragment id of the report (`#…`), so that the text and other pages can link to it. */
  anchorId: string;
  title: string;
  /** As its author wrote it (Markdown), at its latest revision. */
  body: string;
  alternativeWording: string | null;
  author: PersonRef;
  coSigners: (PersonRef & { signedAt: string })[];
  /** The passage it objects to; null when it objects to the whole proposal. */
  passage: {
    quote: DissentQuote;
    /** How the passage was found in the final text. */
    state: 'present' | 'reanchored' | 'removed';
  } | null;
  filedAt: string;
}

/** A withdrawn dissent: listed collapsed, its history still in the ledger. */
export interface RecordWithdrawnDissent {
  dissentId: string;
  title: string;
  author: PersonRef;
  withdrawnAt: string;
}

/** The record of an adopted or rejected proposal, pinned to the ledger entry of its outcome. */
export interface ProposalRecord {
  proposal: {
    id: string;
    title: string;
    assemblyName: string;
    authors: PersonRef[];
    /** 1 for the first decision; each reopening starts a new round. */
    round: number;
  };
  outcome: RecordOutcome;
  /** ISO 8601 UTC. */
  closedAt: string;
  tally: RecordTally;
  /** The frozen version the stances judged. */
  text: {
    versionId: string;
    /** ProseMirror JSON (a `doc` node). */
    doc: TextNodeJson;
    /** SHA-256 (lowercase hex) of the text, as recorded with the version. */
    sha256: string;
  };
  minorityReports: RecordMinorityReport[];
  withdrawnDissents: RecordWithdrawnDissent[];
  ledger: {
    /** The head when the record was assembled; it commits to every entry before it. */
    head: LedgerHead;
    /** Seq of the entry that recorded the outcome: the record shows the state at that entry. */
    outcomeSeq: number;
  };
}
