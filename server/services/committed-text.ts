import type { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { resolveAnchor, resolvePositions, type PassageState } from '../../core/text-anchor';
import { relativeAt, type ProsemirrorMapping } from '../../core/text-position';
import { quoteAt, type Quote } from '../../core/text-quote';
import { linearText, positionAtOffset, textOffsetAt } from '../../core/text-linear';
import { textSchema } from '../../core/text-schema';
import type { Queryable } from '../db/database';
import { loadText } from '../sync/document-store';
import { TEXT_FIELD } from '../sync/initial-state';

/**
 * A proposal's text as committed to the database (snapshot plus log), read
 * as ProseMirror reads it. A private copy: nothing here changes the
 * documents the sync server holds.
 */
export interface CommittedText {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  pmDoc: PMNode;
  mapping: ProsemirrorMapping;
  /** State vector of `doc`: which edits the answer was computed on. */
  stateVector: Uint8Array;
}

/** An anchor as the server stores it: positions re-encoded with the server's edge assoc, and the quote it computed. */
export interface AnchoredPassage {
  start: Uint8Array;
  end: Uint8Array;
  quote: Quote;
}

/** A stored anchor as passed back to {@link passageState}. */
export interface StoredAnchor {
  start: Uint8Array | null;
  end: Uint8Array | null;
  quote: Quote | null;
}

/** Loads a proposal's committed text (an empty text when it has none stored). */
export async function loadCommittedText(db: Queryable, proposalId: string): Promise<CommittedText> {
  const stored = await loadText(db, proposalId);
  return committedTextOf([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((update) => update.data)]);
}

/** Reads a text from its stored updates (snapshot first, then the log in order), as the server does. */
export function committedTextOf(updates: Uint8Array[]): CommittedText {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, textSchema());
  return { doc, fragment, pmDoc, mapping: mapping as ProsemirrorMapping, stateVector: Y.encodeStateVector(doc) };
}

/**
 * Resolves a browser's encoded positions (base64) against the committed
 * text and computes the quote there. Null when they are not positions, name
 * content the server does not have (a client's unsaved edits), lie in
 * deleted text, or give an empty, reversed or blank passage. The positions
 * are encoded again from the resolved places, so that the stored edges
 * always carry the server's assoc whatever the browser sent.
 */
export function anchorPassage(text: CommittedText, startB64: string, endB64: string): AnchoredPassage | null {
  const { range } = resolvePositions(text, startB64, endB64);
  if (range === null) return null;
  const linear = linearText(text.pmDoc);
  const from = textOffsetAt(linear, range.from, 'forward');
  const to = textOffsetAt(linear, range.to, 'backward');
  if (from >= to) return null;
  const quote = quoteAt(text.pmDoc, range.from, range.to, linear);
  if (quote.exact.trim().length === 0) return null;
  // Edges between blocks (a whole-document selection) are stored at the text they snap to.
  const start = relativeAt(text.doc, text.fragment, text.mapping, positionAtOffset(linear, from), 'start');
  const end = relativeAt(text.doc, text.fragment, text.mapping, positionAtOffset(linear, to), 'end');
  if (start === null || end === null) return null;
  return { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end), quote };
}

/** Where a stored anchor's passage is in the committed text (see resolveAnchor in core/text-anchor.ts). */
export function passageState(text: CommittedText, anchor: StoredAnchor): PassageState {
  return resolveAnchor(text, anchor);
}
