/**
 * How each kind of content is referred to in ledger entries: the hash of its
 * canonical JSON. One definition, used when appending and when verifying
 * that the stored content still matches what the chain recorded.
 */
import { contentHash } from './ledger';

/** The words of one revision of a dissent. */
export interface DissentWords {
  title: string;
  body: string;
  alternativeWording: string | null;
}

/** Where a dissent points, as stored (positions in base64; all null for the whole proposal). */
export interface StoredAnchor {
  start: string | null;
  end: string | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
}

/** Hash of a proposal's title, as recorded by `proposal.created`. */
export function titleHash(title: string): string {
  return contentHash({ title });
}

/** Hash of a dissent revision's words. */
export function dissentWordsHash(words: DissentWords): string {
  return contentHash({ title: words.title, body: words.body, alternativeWording: words.alternativeWording });
}

/** Hash of a dissent's anchor. */
export function anchorHash(anchor: StoredAnchor): string {
  return contentHash({ start: anchor.start, end: anchor.end, quote: anchor.quote });
}

/** Hash of a reply revision's words. */
export function replyBodyHash(body: string): string {
  return contentHash({ body });
}

/** Hash of a version's name, as recorded by `version.saved`. */
export function versionNameHash(name: string): string {
  return contentHash({ name });
}

/** Hash of a stance's or a motion's reason. */
export function reasonHash(reason: string): string {
  return contentHash({ reason });
}
