import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { passageOf, setFlashHighlight } from '../live-editor/dissent-highlights';

/** How long a shown passage flashes. */
const FLASH_MS = 1600;

/** Shows a dissent's passage in the editor; false when it is not in the text. */
export type ShowPassage = (dissentId: string) => boolean;

/**
 * "Show passage": scrolls the editor to the passage, selects it and makes it
 * flash. Focus moves into the text only where it can be edited: a read-only
 * text cannot hold a caret, and the flash shows the place anyway.
 */
export function passageShower(editor: Editor | null): ShowPassage {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (dissentId) => {
    if (!editor || editor.isDestroyed) return false;
    const view = editor.view;
    const range = passageOf(view.state, dissentId);
    if (!range) return false;
    const selection = TextSelection.create(view.state.doc, range.from, range.to);
    view.dispatch(view.state.tr.setSelection(selection).setMeta('addToHistory', false));
    setFlashHighlight(view, dissentId);
    if (editor.isEditable) view.focus();
    const target = view.dom.querySelector(`[data-dissent-ids~="${CSS.escape(dissentId)}"]`) ?? view.domAtPos(range.from).node.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!editor.isDestroyed) setFlashHighlight(editor.view, null);
    }, FLASH_MS);
    return true;
  };
}
