import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
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
    // The text may run across several text nodes (highlights and marks split it): search their concatenation.
    const nodes: { node: Text; start: number }[] = [];
    let all = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: all.length });
      all += node.textContent ?? '';
    }
    const at = all.indexOf(wanted);
    if (at < 0) return null;
    const rectOf = (offset: number) => {
      const entry = [...nodes].reverse().find((candidate) => candidate.start <= offset)!;
      const range = document.createRange();
      range.setStart(entry.node, offset - entry.start);
      range.setEnd(entry.node, offset - entry.start + 1);
      return range.getBoundingClientRect();
    };
    const a = rectOf(at);
    const b = rectOf(at + wanted.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, text);
  expect(box, `"${text}" is in the editor`).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move((box!.x1 + box!.x2) / 2, box!.y2, { steps: 4 });
  await page.mouse.move(box!.x2, box!.y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
}

/**
 * The highlighted text of each dissent, sorted. A dissent's highlight may
 * be drawn in several pieces (another person's caret sits inside it, another
 * passage overlaps it, a mark starts in the middle), so pieces are joined by
 * dissent.
 */
export function highlightedTexts(page: Page): Promise<string[]> {
  return highlightsOf(page).evaluateAll((spans) => {
    const texts = new Map<string, string>();
    for (const span of spans) {
      // Where passages overlap, one piece names every dissent it belongs to.
      const copy = span.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      for (const id of (span.getAttribute('data-dissent-ids') ?? '').split(' ')) texts.set(id, (texts.get(id) ?? '') + (copy.textContent ?? ''));
    }
    return [...texts.values()].sort();
  });
}

/** Waits until the highlighted passages read `expected` (see {@link highlightedTexts}). */
export async function expectHighlights(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => highlightedTexts(page)).toEqual(expected);
}

/** Presses Tab until `target` has focus, as a keyboard user would (fails after `limit` presses). */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Opens a dissent's thread unless it is open already (filing one opens it). */
export async function openThread(card: Locator): Promise<void> {
  const toggle = card.getByRole('button', { name: /^Thread/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Keeps a screenshot with the test's results (test-results/…), and in the report. */
export async function attachScreenshot(testInfo: TestInfo, name: string, page: Page, options: { fullPage?: boolean } = {}): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, ...options });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
