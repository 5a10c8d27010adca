import type { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { positionsToRelative, resolveAnchor, type AnchorContext } from '@/core/text-anchor';
import type { AnchorResolver } from './dissent-highlights';

/** The part of y-tiptap's binding that anchors need. */
interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: AnchorContext['mapping'];
}

/** The editor's text as core/text-anchor.ts reads it: the Y document, its fragment, the ProseMirror doc and the binding's mapping. */
export function anchorContext(state: EditorState): AnchorContext | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: SyncBinding | null } | undefined)?.binding;
  if (!binding) return null;
  return { doc: binding.doc, fragment: binding.type, pmDoc: state.doc, mapping: binding.mapping };
}

/** Resolves a dissent's anchor in the editor with the same rules as the server; null when the passage is gone. */
export const resolvePassage: AnchorResolver = (state, anchor) => {
  const context = anchorContext(state);
  if (!context) return null;
  const found = resolveAnchor(context, anchor);
  return found.passage === 'removed' ? null : { from: found.from, to: found.to };
};

/** A passage selected in the editor, ready to file a dissent on. */
export interface SelectedPassage {
  /** Base64 relative positions, as the API takes them. */
  start: string;
  end: string;
  /** The selected text as the member sees it (the server computes its own quote). */
  text: string;
}

/** The editor's current selection as a passage, or null when nothing (or nothing placeable) is selected. */
export function selectedPassage(state: EditorState): SelectedPassage | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const context = anchorContext(state);
  if (!context) return null;
  const text = state.doc.textBetween(from, to, '\n', '\uFFFC').trim();
  if (!text) return null;
  const positions = positionsToRelative(context.fragment, context.mapping, from, to);
  return positions ? { ...positions, text } : null;
}
