import { Extension } from '@tiptap/core';

/** What the page does for the editor's own shortcuts. */
export interface EditorKeysOptions {
  /** Mod-K: open the link form (only when the text is editable). */
  openLinkForm: () => void;
  /** Alt-F10 and Escape: move focus to the toolbar; false when there is none. */
  focusToolbar: () => boolean;
}

/**
 * Shortcuts beyond TipTap's own: Mod-K for links (the Link extension has
 * none), and a way out of the text to the toolbar for keyboard users, since
 * Tab is taken by list indentation inside lists.
 */
export const EditorKeys = Extension.create<EditorKeysOptions>({
  name: 'plenaryEditorKeys',

  addOptions() {
    return { openLinkForm: () => {}, focusToolbar: () => false };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        if (!this.editor.isEditable) return false;
        this.options.openLinkForm();
        return true;
      },
      'Alt-F10': () => this.options.focusToolbar(),
      Escape: () => this.options.focusToolbar(),
    };
  },
});
