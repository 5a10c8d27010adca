import { expect, type Locator, type Page } from '@playwright/test';
import { editorOf } from './live-editor-fixture';

/** The dissents panel (beside the text on wide screens, under it on narrow ones). */
export function panelOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Dissents' });
}

/** One dissent in the panel, by its title. */
export function dissentOf(page: Page, title: string): Locator {
  return panelOf(page).getByRole('article', { name: title, exact: true });
}

/** The highlighted passages in the text. */
export function highlightsOf(page: Page): Locator {
  return editorOf(page).locator('.dissent-highlight');
}

/**
 * Selects `text` in the editor with the mouse, as a person would: pressed
 * just inside its first character, released just inside its last, so that
 * ProseMirror snaps both ends to the passage's own edges.
 */
export async function selectInEditor(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  const box = await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + wanted.length - 1);
      last.setEnd(node, at + wanted.length);
      const a = first.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, text);
  expect(box, `"${text}" is in one text node of the editor`).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move((box!.x1 + box!.x2) / 2, box!.y2, { steps: 4 });
  await page.mouse.move(box!.x2, box!.y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
}

/**
 * The highlighted text of each dissent, in document order. A dissent's
 * highlight may be drawn in several pieces (another person's caret sits
 * inside it, a mark starts in the middle), so pieces are joined by dissent.
 */
export function highlightedTexts(page: Page): Promise<string[]> {
  return highlightsOf(page).evaluateAll((spans) => {
    const texts = new Map<string, string>();
    for (const span of spans) {
      // Nested (overlapping) highlights each count once, in their own dissent.
      const id = span.getAttribute('data-dissent-id') ?? '';
      const copy = span.cloneNode(true) as HTMLElement;
      for (const inner of copy.querySelectorAll('.collaboration-carets__caret, .dissent-highlight')) inner.remove();
      texts.set(id, (texts.get(id) ?? '') + (copy.textContent ?? ''));
    }
    return [...texts.values()];
  });
}

/** Waits until the highlighted passages read `expected` (see {@link highlightedTexts}). */
export async function expectHighlights(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => highlightedTexts(page)).toEqual(expected);
}
