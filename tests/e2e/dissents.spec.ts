import { expect, test } from '@playwright/test';
import { dissentOf, expectHighlights, highlightsOf, panelOf, selectInEditor } from './dissents-fixture';
import { closeAll, editorOf, expectTexts, newPerson, openProposal, proposalWith, runId, saveStateOf, type Person } from './live-editor-fixture';

const PASSAGE = 'on Saturday mornings';
const TITLE = 'Not on Saturdays';
const FIRST_BODY = 'Many of us work on Saturdays.';
const SECOND_BODY = 'Many of us work on Saturdays; weekday evenings suit more people.';

test.describe('dissents', () => {
  let people: Person[] = [];
  test.afterEach(async () => {
    await closeAll(...people);
    people = [];
  });

  test('a dissent on a passage: filed, seen live, co-signed, answered, revised, and kept through structural edits and deletion', async ({
    browser,
    baseURL,
  }) => {
    const run = runId();
    const ann = await newPerson(browser, baseURL!, 'Ann Author', run);
    const bea = await newPerson(browser, baseURL!, 'Bea Dissenter', run);
    const cy = await newPerson(browser, baseURL!, 'Cy Cosigner', run);
    people = [ann, bea, cy];
    const { assemblyId, proposalId } = await proposalWith(ann, [
      { person: bea, role: 'member' },
      { person: cy, role: 'member' },
    ]);
    for (const person of people) await openProposal(person, proposalId);

    await test.step('an empty panel says there is no dissent yet', async () => {
      await expect(panelOf(ann.page)).toContainText('No dissents yet.');
    });

    await test.step('Ann writes two paragraphs; everyone sees them', async () => {
      await editorOf(ann.page).click();
      await ann.page.keyboard.type('The stairwell walls need two coats of paint.');
      await ann.page.keyboard.press('Enter');
      await ann.page.keyboard.type(`Volunteers will paint ${PASSAGE}.`);
      await expect(saveStateOf(ann.page)).toHaveAttribute('data-state', 'saved');
      const paragraphs = ['The stairwell walls need two coats of paint.', `Volunteers will paint ${PASSAGE}.`];
      await expectTexts(editorOf(bea.page).locator(':scope > *'), paragraphs);
      await expectTexts(editorOf(cy.page).locator(':scope > *'), paragraphs);
    });

    await test.step('Bea selects a passage and files a dissent on it', async () => {
      await selectInEditor(bea.page, PASSAGE);
      await panelOf(bea.page).getByRole('button', { name: 'File a dissent' }).click();
      const form = panelOf(bea.page).getByRole('form', { name: 'File a dissent' });
      await expect(form.getByTestId('selected-passage')).toHaveText(PASSAGE);
      await expect(form.getByRole('radio', { name: /The passage selected in the text/ })).toBeChecked();
      await expect(form.getByText(/Markdown/).first()).toBeVisible();
      await form.getByLabel('Title').fill(TITLE);
      await form.getByLabel('Your position').fill(FIRST_BODY);
      await form.getByLabel('Alternative wording (optional)').fill('on weekday evenings');
      await form.getByRole('button', { name: 'File dissent' }).click();
      const card = dissentOf(bea.page, TITLE);
      await expect(card).toBeVisible();
      await expect(card.getByTestId('dissent-quote')).toHaveText(PASSAGE);
      await expect(card.getByTestId('minority')).toHaveText('1 stands behind this: Bea Dissenter');
      await expect(card.getByTestId('alternative-wording')).toHaveText('on weekday evenings');
    });

    await test.step('Ann sees the highlight and the dissent appear without reloading, and the highlight opens its thread', async () => {
      await expectHighlights(ann.page, [PASSAGE]);
      const card = dissentOf(ann.page, TITLE);
      await expect(card).toContainText(FIRST_BODY);
      await expect(card).toContainText('By Bea Dissenter');
      await expect(card.getByText('New', { exact: true })).toBeVisible();
      await highlightsOf(ann.page).first().click();
      await expect(card.getByRole('button', { name: /^Thread/ })).toHaveAttribute('aria-expanded', 'true');
      await expect(card).toContainText('No replies yet.');
    });

    await test.step('Cy co-signs; Ann sees the minority grow, with names', async () => {
      await dissentOf(cy.page, TITLE).getByRole('button', { name: `Co-sign “${TITLE}”` }).click();
      await expect(dissentOf(cy.page, TITLE).getByRole('button', { name: `Take my signature back from “${TITLE}”` })).toBeVisible();
      await expect(dissentOf(ann.page, TITLE).getByTestId('minority')).toHaveText('2 stand behind this: Bea Dissenter and Cy Cosigner');
      // The author cannot co-sign her own dissent, and only she may revise or withdraw it.
      await expect(dissentOf(bea.page, TITLE).getByRole('button', { name: /Co-sign/ })).toHaveCount(0);
      await expect(dissentOf(cy.page, TITLE).getByRole('button', { name: /Revise|Withdraw/ })).toHaveCount(0);
    });

    await test.step('Ann replies; Bea sees the reply in the thread', async () => {
      const card = dissentOf(ann.page, TITLE);
      await card.getByLabel('Your reply').fill('Could we do **both** days?');
      await card.getByRole('button', { name: 'Post reply' }).click();
      await expect(card.getByTestId('reply')).toHaveCount(1);
      const beasCard = dissentOf(bea.page, TITLE);
      // Bea's thread opened when she filed the dissent.
      await expect(beasCard.getByRole('article', { name: 'Reply by Ann Author' })).toContainText('Could we do both days?');
      await expect(beasCard.getByRole('article', { name: 'Reply by Ann Author' }).locator('strong')).toHaveText('both');
    });

    await test.step('Bea revises her dissent; the history shows both texts', async () => {
      const card = dissentOf(bea.page, TITLE);
      await card.getByRole('button', { name: `Revise “${TITLE}”` }).click();
      await card.getByLabel('Your position').fill(SECOND_BODY);
      await card.getByRole('button', { name: 'Save revision' }).click();
      await expect(card).toContainText(SECOND_BODY);
      await expect(card).toContainText('revised once');
      await card.getByRole('button', { name: `History of “${TITLE}” (2 revisions)` }).click();
      const history = card.getByTestId('dissent-history');
      await expect(history.getByTestId('dissent-revision')).toHaveCount(2);
      await expect(history.getByTestId('dissent-revision').nth(0)).toContainText(SECOND_BODY);
      await expect(history.getByTestId('dissent-revision').nth(1)).toContainText(FIRST_BODY);
      await history.getByText('Changes since revision 1').click();
      await expect(history.locator('ins').first()).toContainText('weekday evenings suit more people');
      // Ann's panel follows without a reload.
      await expect(dissentOf(ann.page, TITLE)).toContainText(SECOND_BODY);
    });

    await test.step('Ann turns the passage’s paragraph into a heading; the highlight stays', async () => {
      await editorOf(ann.page).getByText('Volunteers will paint').click();
      await ann.page.keyboard.press('Control+Alt+2');
      const heading = editorOf(ann.page).getByRole('heading', { level: 2 });
      await expect(heading).toHaveText(`Volunteers will paint ${PASSAGE}.`);
      await expect(heading.locator('.dissent-highlight').first()).toBeVisible();
      await expectHighlights(ann.page, [PASSAGE]);
      await expect(editorOf(bea.page).getByRole('heading', { level: 2 }).locator('.dissent-highlight').first()).toBeVisible();
      await expectHighlights(bea.page, [PASSAGE]);
      await expect(dissentOf(bea.page, TITLE).getByTestId('dissent-quote')).toHaveText(PASSAGE);
    });

    await test.step('Ann deletes the passage; the dissent stays, with “passage removed” and its quote', async () => {
      await selectInEditor(ann.page, PASSAGE);
      await ann.page.keyboard.press('Backspace');
      await expect(editorOf(ann.page).getByRole('heading', { level: 2 })).toHaveText('Volunteers will paint .');
      await expect(saveStateOf(ann.page)).toHaveAttribute('data-state', 'saved');
      for (const person of [ann, bea, cy]) {
        const card = dissentOf(person.page, TITLE);
        await expect(highlightsOf(person.page)).toHaveCount(0);
        await expect(card.getByTestId('passage-removed')).toContainText('Passage removed');
        await expect(card.getByTestId('passage-removed').locator('blockquote')).toHaveText(PASSAGE);
        await expect(card).toContainText(SECOND_BODY);
      }
    });

    await test.step('after a reload, the server says the same', async () => {
      await bea.page.reload();
      const card = dissentOf(bea.page, TITLE);
      await expect(card.getByTestId('passage-removed').locator('blockquote')).toHaveText(PASSAGE);
      await expect(card.getByTestId('minority')).toHaveText('2 stand behind this: Bea Dissenter and Cy Cosigner');
    });

    await test.step('the assembly’s list of proposals counts the standing dissent', async () => {
      await cy.page.goto(`/assemblies/${assemblyId}`);
      await expect(cy.page.getByTestId('proposal-dissents')).toHaveText('1 dissent standing');
    });
  });
});
