import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';

/** The proposal's stage panel: status, round, the authors' actions, the decision and the motions. */
export function stageOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Stage' });
}

/** Waits until the stage shows `status` in round `round` (it follows the proposal's room live). */
export async function expectStage(page: Page, status: string, round: number): Promise<void> {
  const line = stageOf(page).getByTestId('stage-status');
  await expect(line).toHaveAttribute('data-status', status);
  await expect(line).toHaveAttribute('data-round', String(round));
}

/** The stance form of the stage (open decision, eligible member). */
export function stanceFormOf(page: Page): Locator {
  return stageOf(page).getByRole('form', { name: /Take a stance|Change your stance/ });
}

/**
 * Takes a stance with the mouse: a choice, a level of affectedness (0-3) and
 * an optional reason, then waits for the member's own stance to show.
 */
export async function takeStance(page: Page, choice: 'Agree' | 'Abstain' | 'Disagree' | 'Block', level: number, reason?: string): Promise<void> {
  const form = stanceFormOf(page);
  await form.getByRole('radio', { name: new RegExp(`^${choice}`) }).check();
  await form.getByRole('radio', { name: new RegExp(`^Level ${level}:`) }).check();
  if (reason !== undefined) await form.getByLabel(/^Reason/).fill(reason);
  await form.getByRole('button', { name: /Take this stance|Save my new stance/ }).click();
  await expect(stageOf(page).getByTestId('my-stance')).toContainText(`Your stance: ${choice}, affectedness ${level}.`);
}

/** One row of the tally: the equal and the weighted count of `row` (agree, abstain, disagree, block, total). */
export async function tallyRow(page: Page, row: string): Promise<[string, string]> {
  const stage = stageOf(page);
  return [await stage.getByTestId(`tally-equal-${row}`).innerText(), await stage.getByTestId(`tally-weighted-${row}`).innerText()];
}

/** A download's text (Markdown). */
export async function downloadedText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** A downloaded PDF's text, read back with unpdf as the integration tests do; whitespace collapsed. */
export async function downloadedPdfText(path: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
