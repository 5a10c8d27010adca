import { getSchema, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';

/**
 * StarterKit as the proposal editor configures it. The editor imports this,
 * and the server builds its schema from it, so that both read the shared
 * Yjs document as the same ProseMirror nodes (an anchor's positions and
 * quote are computed on that reading).
 */
export const textStarterKit = StarterKit.configure({
  // Collaboration brings its own undo, which undoes only this person's edits.
  undoRedo: false,
  // Both append steps by themselves, also after a remote change: every tab (observers too)
  // would write the same paragraph or link mark, duplicating or diverging from the server.
  trailingNode: false,
  link: { autolink: false, openOnClick: false },
});

/**
 * The extensions that define the text's schema. Collaboration, its caret and
 * the placeholder add no nodes or marks, so they are left out: this list
 * stays loadable without a DOM or a provider.
 */
export const textExtensions: Extensions = [textStarterKit];

let cached: Schema | undefined;

/** The ProseMirror schema of a proposal's text (built once; works in Node and the browser). */
export function textSchema(): Schema {
  cached ??= getSchema(textExtensions);
  return cached;
}
