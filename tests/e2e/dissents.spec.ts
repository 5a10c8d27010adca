import { expect, test } from '@playwright/test';
import { attachScreenshot, dissentOf, expectHighlights, highlightsOf, openThread, panelOf, selectInEditor, tabTo } from './dissents-fixture';
import {
  closeAll,
  connectionOf,
  editorOf,
  expectTexts,
  newPerson,
  openProposal,
  proposalWith,
  runId,
  saveStateOf,
  typeAtEnd,
  type Person,
} from './live-editor-fixture';

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
  }, testInfo) => {
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
      await attachScreenshot(testInfo, 'dissent-history', bea.page);
      await attachScreenshot(testInfo, 'dissent-thread', ann.page);
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

test.describe('dissents on a narrow screen, by keyboard', () => {
  let people: Person[] = [];
  test.afterEach(async () => {
    await closeAll(...people);
    people = [];
  });

  test('a member files and finds a dissent with the keyboard at 375 px; an observer reads it without controls; the record is verified and remembered', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const run = runId();
    const narrow = { width: 375, height: 800 };
    const ann = await newPerson(browser, baseURL!, 'Ann Author', run);
    const bea = await newPerson(browser, baseURL!, 'Bea Dissenter', run, narrow);
    const olga = await newPerson(browser, baseURL!, 'Olga Observer', run, narrow);
    people = [ann, bea, olga];
    const { proposalId } = await proposalWith(ann, [
      { person: bea, role: 'member' },
      { person: olga, role: 'observer' },
    ]);
    for (const person of people) await openProposal(person, proposalId);
    await typeAtEnd(ann.page, 'Rent goes up by ten percent next year.');
    await expect(saveStateOf(ann.page)).toHaveAttribute('data-state', 'saved');
    await expectTexts(editorOf(bea.page), ['Rent goes up by ten percent next year.']);

    await test.step('Bea selects with the keyboard and files a dissent without the mouse', async () => {
      await editorOf(bea.page).focus();
      await bea.page.keyboard.press('Control+End');
      for (let i = 0; i < ' next year.'.length; i += 1) await bea.page.keyboard.press('ArrowLeft');
      for (let i = 0; i < 'ten percent'.length; i += 1) await bea.page.keyboard.press('Shift+ArrowLeft');
      await tabTo(bea.page, panelOf(bea.page).getByRole('button', { name: 'File a dissent' }));
      await bea.page.keyboard.press('Enter');
      const form = panelOf(bea.page).getByRole('form', { name: 'File a dissent' });
      await expect(form.getByTestId('selected-passage')).toHaveText('ten percent');
      await tabTo(bea.page, form.getByLabel('Title'));
      await bea.page.keyboard.type('Too steep');
      await bea.page.keyboard.press('Tab');
      await bea.page.keyboard.type('Five percent is what wages rose.');
      await tabTo(bea.page, form.getByRole('button', { name: 'File dissent' }));
      await bea.page.keyboard.press('Enter');
      await expect(dissentOf(bea.page, 'Too steep')).toContainText('Five percent is what wages rose.');
      await attachScreenshot(testInfo, 'dissents-375px', bea.page, { fullPage: true });
    });

    await test.step('Ann files a dissent on an overlapping passage; both highlights render', async () => {
      await expectHighlights(ann.page, ['ten percent']);
      await selectInEditor(ann.page, 'by ten percent next');
      await panelOf(ann.page).getByRole('button', { name: 'File a dissent' }).click();
      const form = panelOf(ann.page).getByRole('form', { name: 'File a dissent' });
      await expect(form.getByTestId('selected-passage')).toHaveText('by ten percent next');
      await form.getByLabel('Title').fill('Say when');
      await form.getByLabel('Your position').fill('Name the month.');
      await form.getByRole('button', { name: 'File dissent' }).click();
      await expectHighlights(bea.page, ['by ten percent next', 'ten percent']);
      await expectHighlights(ann.page, ['by ten percent next', 'ten percent']);
    });

    await test.step('“Show passage” selects the passage in the text', async () => {
      await tabTo(bea.page, dissentOf(bea.page, 'Too steep').getByRole('button', { name: 'Show the passage of “Too steep” in the text' }));
      await bea.page.keyboard.press('Enter');
      await expect(editorOf(bea.page)).toBeFocused();
      await expect.poll(() => bea.page.evaluate(() => window.getSelection()?.toString())).toBe('ten percent');
    });

    await test.step('nothing is wider than the screen', async () => {
      for (const person of [bea, olga]) {
        const width = await person.page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(375);
      }
    });

    await test.step('the observer reads the dissent but has no control that would change anything', async () => {
      const card = dissentOf(olga.page, 'Too steep');
      await expect(card).toContainText('Five percent is what wages rose.');
      await expect(panelOf(olga.page)).toContainText('You are an observer');
      await expect(panelOf(olga.page).getByRole('button', { name: 'File a dissent' })).toHaveCount(0);
      await expect(card.getByRole('button', { name: /Co-sign|Revise|Withdraw/ })).toHaveCount(0);
      await card.getByRole('button', { name: /^Thread/ }).click();
      await expect(card).toContainText('No replies yet.');
      await expect(card.getByLabel('Your reply')).toHaveCount(0);
    });

    await test.step('the record verifies; a head this browser saw that the chain lost is warned about until read', async () => {
      const panel = panelOf(olga.page);
      await expect(panel.getByTestId('ledger-status')).toContainText('Record: entry 3');
      await panel.getByRole('button', { name: 'Verify' }).click();
      await expect(panel.getByTestId('ledger-status')).toContainText('The record’s 3 entries verify');
      // As if this browser had seen another history: the server's chain does not extend it.
      await olga.page.evaluate((id) => localStorage.setItem(`plenary.ledger-head.${id}`, JSON.stringify({ seq: 1, hash: 'f'.repeat(64) })), proposalId);
      await olga.page.reload();
      const warning = panelOf(olga.page).getByTestId('history-warning');
      await expect(warning).toContainText('This proposal’s history changed since you last saw it');
      await olga.page.reload();
      await expect(warning).toBeVisible();
      await warning.getByRole('button', { name: 'I have read this' }).click();
      await expect(warning).toHaveCount(0);
      await olga.page.reload();
      await expect(panelOf(olga.page).getByTestId('ledger-status')).toContainText('Record: entry 3');
      await expect(warning).toHaveCount(0);
    });
  });
});

test.describe('dissent threads and withdrawal', () => {
  let people: Person[] = [];
  test.afterEach(async () => {
    await closeAll(...people);
    people = [];
  });

  test('a passage typed offline is filed once saved; replies nest, are edited and retracted with history kept; a withdrawn dissent stays, marked; the list counts live', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const run = runId();
    const ann = await newPerson(browser, baseURL!, 'Ann Author', run);
    const bea = await newPerson(browser, baseURL!, 'Bea Dissenter', run);
    const cy = await newPerson(browser, baseURL!, 'Cy Cosigner', run);
    people = [ann, bea, cy];
    const { assemblyId, proposalId } = await proposalWith(ann, [
      { person: bea, role: 'member' },
      { person: cy, role: 'member' },
    ]);
    await openProposal(ann, proposalId);
    await openProposal(bea, proposalId);
    await cy.page.goto(`/assemblies/${assemblyId}`);
    await expect(cy.page.getByTestId('proposal-dissents')).toHaveText('No dissent standing');

    await test.step('Ann files on words she typed offline: the dissent waits for “Saved”, then goes', async () => {
      await ann.context.setOffline(true);
      await expect(connectionOf(ann.page)).toHaveText('Offline');
      await typeAtEnd(ann.page, 'Meetings move to Tuesdays.');
      await selectInEditor(ann.page, 'Tuesdays');
      await panelOf(ann.page).getByRole('button', { name: 'File a dissent' }).click();
      const form = panelOf(ann.page).getByRole('form', { name: 'File a dissent' });
      await form.getByLabel('Title').fill('Tuesdays clash');
      await form.getByLabel('Your position').fill('The choir meets on Tuesdays.');
      await form.getByRole('button', { name: 'File dissent' }).click();
      await expect(form.getByRole('status')).toContainText('Waiting until your latest edits to the text are saved');
      await ann.context.setOffline(false);
      await expect(dissentOf(ann.page, 'Tuesdays clash').getByTestId('dissent-quote')).toHaveText('Tuesdays');
      await expectHighlights(bea.page, ['Tuesdays']);
    });

    await test.step('the assembly’s list counts it live, new to Cy', async () => {
      await expect(cy.page.getByTestId('proposal-dissents')).toHaveText('1 dissent standing, 1 new');
    });

    await test.step('replies nest three deep', async () => {
      await openThread(dissentOf(bea.page, 'Tuesdays clash'));
      await openThread(dissentOf(ann.page, 'Tuesdays clash'));
      const beas = dissentOf(bea.page, 'Tuesdays clash');
      const anns = dissentOf(ann.page, 'Tuesdays clash');
      await beas.getByLabel('Your reply').fill('Which choir?');
      await beas.getByRole('button', { name: 'Post reply' }).click();
      await anns.getByRole('button', { name: 'Reply to Bea Dissenter' }).click();
      await anns.getByLabel('Your reply to Bea Dissenter').fill('The one in the hall.');
      await anns.getByRole('button', { name: 'Post reply' }).first().click();
      await beas.getByRole('button', { name: 'Reply to Ann Author' }).click();
      await beas.getByLabel('Your reply to Ann Author').fill('Then Wednesdays?');
      await beas.getByRole('button', { name: 'Post reply' }).first().click();
      await expect(anns.locator('[data-testid="reply"][data-depth="2"]')).toContainText('Then Wednesdays?');
      await anns.locator('[data-testid="reply"][data-depth="2"]').getByRole('button', { name: 'Reply to Bea Dissenter' }).click();
      await anns.getByLabel('Your reply to Bea Dissenter').fill('Wednesdays work.');
      await anns.getByRole('button', { name: 'Post reply' }).first().click();
      await expect(beas.locator('[data-testid="reply"][data-depth="3"]')).toContainText('Wednesdays work.');
      await expect(beas.getByTestId('reply')).toHaveCount(4);
    });

    await test.step('Bea edits her first reply: “edited”, with both versions in its history', async () => {
      const beas = dissentOf(bea.page, 'Tuesdays clash');
      const first = beas.locator('[data-testid="reply"][data-depth="0"] > article');
      await first.getByRole('button', { name: 'Edit your reply' }).click();
      await first.getByLabel('Your reply, edited').fill('Which choir do you mean?');
      await first.getByRole('button', { name: 'Save' }).click();
      const anns = dissentOf(ann.page, 'Tuesdays clash').locator('[data-testid="reply"][data-depth="0"] > article');
      await expect(anns).toContainText('Which choir do you mean?');
      await anns.getByRole('button', { name: 'edited' }).click();
      await expect(anns.getByTestId('reply-history')).toContainText('Which choir do you mean?');
      await expect(anns.getByTestId('reply-history')).toContainText('Which choir?');
    });

    await test.step('Bea retracts it: a tombstone stays, the answers under it too', async () => {
      const first = dissentOf(bea.page, 'Tuesdays clash').locator('[data-testid="reply"][data-depth="0"] > article');
      await first.getByRole('button', { name: 'Retract your reply' }).click();
      await first.getByRole('button', { name: 'Yes, retract it' }).click();
      const anns = dissentOf(ann.page, 'Tuesdays clash');
      await expect(anns.getByTestId('reply-retracted')).toHaveText('Reply retracted by its author.');
      await expect(anns.getByTestId('reply')).toHaveCount(4);
      await expect(anns).toContainText('The one in the hall.');
      // Nobody else may change Ann's reply, and Ann cannot change Bea's.
      await expect(anns.locator('[data-testid="reply"][data-depth="0"] > article').getByRole('button', { name: /Edit|Retract/ })).toHaveCount(0);
      await anns.scrollIntoViewIfNeeded();
      await attachScreenshot(testInfo, 'dissent-nested-replies', ann.page);
    });

    await test.step('Ann withdraws her dissent: it stays in the record, folded away and marked', async () => {
      const card = dissentOf(ann.page, 'Tuesdays clash');
      await card.getByRole('button', { name: 'Withdraw “Tuesdays clash”' }).click();
      await card.getByRole('button', { name: 'Yes, withdraw it' }).click();
      for (const person of [ann, bea]) {
        const panel = panelOf(person.page);
        await expect(panel.getByRole('button', { name: '1 withdrawn dissent' })).toBeVisible();
        await expectHighlights(person.page, []);
        await panel.getByRole('button', { name: '1 withdrawn dissent' }).click();
        const withdrawn = dissentOf(person.page, 'Tuesdays clash');
        await expect(withdrawn).toHaveAttribute('data-state', 'withdrawn');
        await expect(withdrawn).toContainText('Withdrawn by its author');
        await expect(withdrawn).toContainText('The choir meets on Tuesdays.');
      }
      await expect(cy.page.getByTestId('proposal-dissents')).toHaveText('No dissent standing');
    });
  });
});
