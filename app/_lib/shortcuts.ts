/**
 * The editor's keyboard shortcuts, as TipTap's extensions define them (plus
 * Mod-K for links and Alt-F10 / Escape for the toolbar, see editor-keys.ts),
 * so that the toolbar's tooltips and the help list cannot drift apart.
 * `Mod` is Cmd on Apple systems and Ctrl elsewhere.
 */
export const SHORTCUTS = {
  bold: ['Mod', 'B'],
  italic: ['Mod', 'I'],
  heading1: ['Mod', 'Alt', '1'],
  heading2: ['Mod', 'Alt', '2'],
  heading3: ['Mod', 'Alt', '3'],
  bulletList: ['Mod', 'Shift', '8'],
  orderedList: ['Mod', 'Shift', '7'],
  blockquote: ['Mod', 'Shift', 'B'],
  link: ['Mod', 'K'],
  undo: ['Mod', 'Z'],
  redo: ['Mod', 'Shift', 'Z'],
  toolbar: ['Alt', 'F10'],
} as const satisfies Record<string, readonly string[]>;

/** A shortcut's name. */
export type ShortcutName = keyof typeof SHORTCUTS;

const APPLE_KEYS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' };

/** Whether the browser runs on an Apple system (Cmd rather than Ctrl). */
export function isApple(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
}

/** A shortcut as people read it: "Ctrl+Shift+8", or "⌘⇧8" on Apple systems. */
export function formatShortcut(name: ShortcutName, apple = isApple()): string {
  const keys = SHORTCUTS[name];
  return apple ? keys.map((key) => APPLE_KEYS[key] ?? key).join('') : keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
}

/** A shortcut in the form of the `aria-keyshortcuts` attribute ("Control+Shift+8"). */
export function ariaShortcut(name: ShortcutName, apple = isApple()): string {
  return SHORTCUTS[name].map((key) => (key === 'Mod' ? (apple ? 'Meta' : 'Control') : key)).join('+');
}
