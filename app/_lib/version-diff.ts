import { diffWords } from 'diff';
import { linearText } from '@/core/text-linear';
import { textSchema } from '@/core/text-schema';

/** A run of words in a diff: unchanged, only in the later text, or only in the earlier one. */
export interface DiffPiece {
  kind: 'same' | 'added' | 'removed';
  value: string;
}

/** One block of a diff (a paragraph, heading or list item of either text), as pieces. */
export type DiffLine = DiffPiece[];

/** A word-level comparison of two texts, laid out block by block, with its totals. */
export interface VersionDiff {
  lines: DiffLine[];
  /** Words (not spaces) only in the later text. */
  addedWords: number;
  /** Words only in the earlier text. */
  removedWords: number;
}

/**
 * A version's text as plain text: its ProseMirror JSON read with the editor's
 * schema and linearised as anchors read it (one line per textblock), so that
 * the diff compares the words the members saw, not the JSON's structure.
 * Throws when the JSON does not fit the schema.
 */
export function versionPlainText(json: unknown): string {
  const doc = textSchema().nodeFromJSON(json);
  return linearText(doc).text;
}

const countWords = (value: string) => value.split(/\s+/).filter((word) => word.length > 0).length;

/**
 * Compares two texts word by word and cuts the result at line breaks, so that
 * each block renders as its own paragraph (a change spanning two blocks is
 * split into one piece per block). A line holding nothing at all is dropped,
 * except where it is the only line.
 */
export function diffVersions(before: string, after: string): VersionDiff {
  const lines: DiffLine[] = [[]];
  let addedWords = 0;
  let removedWords = 0;
  for (const part of diffWords(before, after)) {
    const kind: DiffPiece['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    if (kind === 'added') addedWords += countWords(part.value);
    if (kind === 'removed') removedWords += countWords(part.value);
    const chunks = part.value.split('\n');
    chunks.forEach((chunk, index) => {
      // A newline inside a change ends the block on the page too; the change goes on in the next one.
      if (index > 0) lines.push([]);
      if (chunk.length > 0) lines[lines.length - 1].push({ kind, value: chunk });
    });
  }
  const kept = lines.filter((line) => line.length > 0);
  return { lines: kept.length > 0 ? kept : [[]], addedWords, removedWords };
}
