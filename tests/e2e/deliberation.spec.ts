import { expect, test } from '@playwright/test';
import { attachScreenshot, dissentOf, panelOf, selectInEditor, tabTo } from './dissents-fixture';
import {
  downloadedPdfText,
  downloadedText,
  expectStage,
  stageOf,
  stanceFormOf,
  takeStance,
  tallyRow,
} from './deliberation-fixture';
import {
  closeAll,
  connectionOf,
  editorOf,
  expectText,
  newPerson,
  openProposal,
  proposalWith,
  runId,
  saveStateOf,
  type Person,
} from './live-editor-fixture';

const PASSAGE = 'on Saturday mornings';
const DISSENT_TITLE = 'Not on Saturdays';
const DISSENT_BODY = 'Many of us work on Saturdays; weekday evenings suit more people.';
const BEA_REASON = 'Saturday work shifts make this impossible for me.';

test.describe('deliberation rounds', () => {
  let people: Person[] = [];
  test.afterEach(async () => {
    await closeAll(...people);
    people = [];
  });

  test('draft → deliberation → a dissent → a weighted decision closed early → the record and its exports → reopened in round 2', async ({
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    const run = runId();
    const ann = await newPerson(browser, baseURL!, 'Ann Author', run);
    const bea = await newPerson(browser, baseURL!, 'Bea Dissenter', run);
    // Cy works on a phone-sized screen throughout.
    const cy = await newPerson(browser, baseURL!, 'Cy Member', run, { width: 375, height: 800 });
    people = [ann, bea, cy];
    const { assemblyId, proposalId } = await proposalWith(ann, [
      { person: bea, role: 'member' },
      { person: cy, role: 'member' },
    ]);

    await test.step('the steward makes the assembly decide by majority, weighted by affectedness; a member reads it', async () => {
      await ann.page.goto(`/assemblies/${assemblyId}`);
      await ann.page.getByRole('link', { name: 'How we decide' }).click();
      const form = ann.page.getByRole('form', { name: 'How the assembly decides' });
      await form.getByLabel('Kind of decision').selectOption('majority');
      await form.getByLabel('Counting').selectOption('weighted');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect(form.getByRole('status')).toHaveText('Settings saved.');
      await bea.page.goto(`/assemblies/${assemblyId}/decision-settings`);
      await expect(bea.page.getByTestId('decision-settings-summary')).toContainText('Majority; quorum: 1 in 2 eligible members take a stance; weighted by affectedness');
      await expect(bea.page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
    });

    for (const person of people) await openProposal(person, proposalId);

    await test.step('a draft: only its author may open deliberation', async () => {
      await expectStage(ann.page, 'draft', 1);
      await expect(stageOf(bea.page).getByTestId('stage-actions')).toHaveCount(0);
      await editorOf(ann.page).click();
      await ann.page.keyboard.type('The stairwell walls need two coats of paint.');
      await ann.page.keyboard.press('Enter');
      await ann.page.keyboard.type(`Volunteers will paint ${PASSAGE}.`);
      await expect(saveStateOf(ann.page)).toHaveAttribute('data-state', 'saved');
      await stageOf(ann.page).getByRole('button', { name: 'Open deliberation' }).click();
      for (const person of people) await expectStage(person.page, 'deliberation', 1);
    });

    await test.step('Bea files a dissent on a passage through the panel', async () => {
      await selectInEditor(bea.page, PASSAGE);
      await panelOf(bea.page).getByRole('button', { name: 'File a dissent' }).click();
      const form = panelOf(bea.page).getByRole('form', { name: 'File a dissent' });
      await form.getByLabel('Title').fill(DISSENT_TITLE);
      await form.getByLabel('Your position').fill(DISSENT_BODY);
      await form.getByRole('button', { name: 'File dissent' }).click();
      await expect(dissentOf(ann.page, DISSENT_TITLE)).toBeVisible();
    });

    await test.step('Ann opens the decision under the assembly rule with its default deadline; the text freezes everywhere', async () => {
      await stageOf(ann.page).getByRole('button', { name: 'Open the decision…' }).click();
      const form = stageOf(ann.page).getByRole('form', { name: 'Open the decision' });
      await expect(form.getByTestId('assembly-rule')).toHaveText('Majority; quorum: 1 in 2 eligible members take a stance; weighted by affectedness');
      await expect(form.getByLabel('Deadline')).not.toHaveValue('');
      await form.getByRole('button', { name: 'Open the decision' }).click();
      for (const person of people) {
        await expectStage(person.page, 'decision', 1);
        await expect(person.page.getByTestId('frozen-notice')).toBeVisible();
        await expect(editorOf(person.page)).toHaveAttribute('contenteditable', 'false');
        await expect(stageOf(person.page).getByTestId('decision-frozen')).toContainText('The text is frozen');
        await expect(stageOf(person.page).getByTestId('deadline')).toContainText(/in \d+ (hours|days)/);
      }
    });

    await test.step('Bea must give a reason to disagree; "file as a dissent" opens the dissent form with it', async () => {
      const form = stanceFormOf(bea.page);
      await form.getByRole('radio', { name: /^Disagree/ }).check();
      await form.getByRole('radio', { name: /^Level 2:/ }).check();
      await form.getByRole('button', { name: 'Take this stance' }).click();
      await expect(form.getByTestId('reason-error')).toHaveText('Give a reason: it is required to disagree or block.');
      await expect(form.getByLabel(/^Reason/)).toBeFocused();
      await expect(form.getByLabel(/^Reason/)).toHaveAttribute('aria-invalid', 'true');
      await form.getByLabel(/^Reason/).fill(BEA_REASON);
      await form.getByRole('button', { name: 'File as a dissent' }).click();
      const dissentForm = stageOf(bea.page).getByRole('form', { name: 'File a dissent' });
      await expect(dissentForm.getByLabel('Your position')).toHaveValue(BEA_REASON);
      await dissentForm.getByRole('button', { name: 'Cancel' }).click();
      await expect(dissentForm).toHaveCount(0);
      await form.getByRole('button', { name: 'Take this stance' }).click();
      await expect(stageOf(bea.page).getByTestId('my-stance')).toContainText('Your stance: Disagree, affectedness 2.');
    });

    await test.step('Cy, at 375 px, agrees and then changes to abstaining, not affected', async () => {
      await takeStance(cy.page, 'Agree', 1);
      await stageOf(cy.page).getByRole('button', { name: 'Change my stance' }).click();
      await takeStance(cy.page, 'Abstain', 0);
      const cyStance = stageOf(ann.page).getByTestId('stance').filter({ hasText: 'Cy Member' });
      await expect(cyStance.getByTestId('stance-choice')).toHaveText('Abstain');
      await expect(cyStance.getByTestId('stance-changes')).toHaveText('changed once');
      await attachScreenshot(testInfo, 'stage-375px', cy.page, { fullPage: true });
    });

    await test.step('Ann cannot close early until everyone has a stance; she takes hers with the keyboard', async () => {
      const close = stageOf(ann.page).getByRole('button', { name: 'Close the decision now' });
      await expect(close).toBeDisabled();
      await expect(stageOf(ann.page)).toContainText('Still waiting for 1 member: Ann Author.');
      const form = stanceFormOf(ann.page);
      const agree = form.getByRole('radio', { name: /^Agree/ });
      await agree.focus();
      await ann.page.keyboard.press('Space');
      await expect(agree).toBeChecked();
      await ann.page.keyboard.press('Tab');
      // The first radio of an unchosen group takes focus; arrows move and choose.
      for (let i = 0; i < 3; i += 1) await ann.page.keyboard.press('ArrowDown');
      await expect(form.getByRole('radio', { name: /^Level 3:/ })).toBeChecked();
      await tabTo(ann.page, form.getByRole('button', { name: 'Take this stance' }));
      await ann.page.keyboard.press('Enter');
      await expect(stageOf(ann.page).getByTestId('my-stance')).toContainText('Your stance: Agree, affectedness 3.');
    });

    await test.step('the tally shows both counts: a tie in heads, a majority in weight, and the weighted count decides', async () => {
      for (const person of people) {
        await expect(stageOf(person.page).getByTestId('stance')).toHaveCount(3);
        expect(await tallyRow(person.page, 'agree')).toEqual(['1', '3']);
        expect(await tallyRow(person.page, 'abstain')).toEqual(['1', '0']);
        expect(await tallyRow(person.page, 'disagree')).toEqual(['1', '2']);
        expect(await tallyRow(person.page, 'total')).toEqual(['2', '5']);
        await expect(stageOf(person.page).getByTestId('deciding-count')).toHaveText(
          'The rule weighs each stance by its declared affectedness, so the weighted count decides.',
        );
        await expect(stageOf(person.page).getByTestId('quorum')).toContainText('3 of 3 eligible members have taken a stance; the quorum is 2. Quorum met.');
        await expect(stageOf(person.page).getByTestId('tally-outcome')).toContainText('If the decision closed now: adopted. More for than against.');
      }
      await attachScreenshot(testInfo, 'tally', ann.page, { fullPage: true });
    });

    await test.step('Ann closes early; everyone sees it adopted, the text standing as decided', async () => {
      const close = stageOf(ann.page).getByRole('button', { name: 'Close the decision now' });
      await expect(close).toBeEnabled();
      await close.click();
      for (const person of people) {
        await expectStage(person.page, 'adopted', 1);
        await expect(stageOf(person.page).getByTestId('decision-outcome')).toHaveText('Round 1: adopted.');
        await expect(person.page.getByTestId('frozen-notice')).toHaveText(
          'The text stands as decided: it can change again only if a motion reopens the proposal.',
        );
        await expect(editorOf(person.page)).toHaveAttribute('contenteditable', 'false');
      }
    });

    await test.step('the record shows the minority report, and both downloads contain it', async () => {
      await stageOf(ann.page).getByRole('link', { name: 'Record of the decision' }).click();
      await expect(ann.page).toHaveURL(new RegExp(`/proposals/${proposalId}/record`));
      const report = ann.page.getByTestId('minority-report').filter({ hasText: DISSENT_TITLE });
      await expect(report).toContainText(DISSENT_BODY);
      await expect(report).toContainText('Bea Dissenter');

      const [markdown] = await Promise.all([ann.page.waitForEvent('download'), ann.page.getByTestId('record-markdown').click()]);
      const text = await downloadedText(await markdown.path());
      expect(text).toContain(DISSENT_TITLE);
      expect(text).toContain(DISSENT_BODY);

      const [pdf] = await Promise.all([ann.page.waitForEvent('download'), ann.page.getByTestId('record-pdf').click()]);
      const pdfText = await downloadedPdfText(await pdf.path());
      expect(pdfText).toContain(DISSENT_TITLE);
      expect(pdfText).toContain(DISSENT_BODY);
    });

    await test.step('Bea moves to reopen; Cy co-signs; everyone is back in deliberation, round 2, and the text is editable', async () => {
      const motions = stageOf(bea.page).getByTestId('motions');
      await motions.getByLabel('Why reopen it?').fill('The volunteers changed: most now work on Saturdays.');
      await motions.getByRole('button', { name: 'Move to reopen' }).click();
      await expect(stageOf(cy.page).getByTestId('motion-signatures')).toContainText('1 of 2 signatures: Bea Dissenter');
      await stageOf(cy.page).getByRole('button', { name: 'Co-sign this motion' }).click();
      for (const person of [bea, cy]) {
        await expectStage(person.page, 'deliberation', 2);
        await expect(stageOf(person.page).getByTestId('decision-outcome')).toHaveText('Round 1: adopted.');
        await expect(editorOf(person.page)).toHaveAttribute('contenteditable', 'true');
        await expect(person.page.getByTestId('frozen-notice')).toHaveCount(0);
      }
      // The dissent carries forward into the new round.
      await expect(dissentOf(cy.page, DISSENT_TITLE)).toBeVisible();
      await ann.page.goto(`/proposals/${proposalId}`);
      await expectStage(ann.page, 'deliberation', 2);
    });
  });

  test('edits typed offline while the decision opened are not kept: the text is read again, frozen, and the member is told', async ({ browser, baseURL }) => {
    const run = runId();
    const ann = await newPerson(browser, baseURL!, 'Ann Author', run);
    const bea = await newPerson(browser, baseURL!, 'Bea Member', run);
    people = [ann, bea];
    const { proposalId } = await proposalWith(ann, [{ person: bea, role: 'member' }]);
    for (const person of people) await openProposal(person, proposalId);
    await editorOf(ann.page).click();
    await ann.page.keyboard.type('Paint the stairwell.');
    await expect(saveStateOf(ann.page)).toHaveAttribute('data-state', 'saved');
    await stageOf(ann.page).getByRole('button', { name: 'Open deliberation' }).click();
    await expectStage(bea.page, 'deliberation', 1);
    await expectText(bea.page, 'Paint the stairwell.');

    await test.step('Bea types offline; meanwhile Ann opens the decision', async () => {
      await bea.context.setOffline(true);
      // Focus rather than a click: Ann's named caret may sit over the middle of this one-line text.
      await editorOf(bea.page).focus();
      await bea.page.keyboard.press('Control+End');
      await bea.page.keyboard.type(' In blue.');
      await expect(saveStateOf(bea.page)).toHaveAttribute('data-state', 'unsaved');
      await stageOf(ann.page).getByRole('button', { name: 'Open the decision…' }).click();
      await stageOf(ann.page).getByRole('form', { name: 'Open the decision' }).getByRole('button', { name: 'Open the decision' }).click();
      await expectStage(ann.page, 'decision', 1);
    });

    await test.step('back online, her edits are refused: she reads the frozen text, read-only, with a notice', async () => {
      await bea.context.setOffline(false);
      await expect(bea.page.getByTestId('discarded-notice')).toContainText('they were not kept');
      await expectText(bea.page, 'Paint the stairwell.');
      await expectStage(bea.page, 'decision', 1);
      await expect(editorOf(bea.page)).toHaveAttribute('contenteditable', 'false');
      await expect(connectionOf(bea.page)).toHaveText('Connected');
      await bea.page.getByTestId('discarded-notice').getByRole('button', { name: 'Dismiss' }).click();
      await expect(bea.page.getByTestId('discarded-notice')).toHaveCount(0);
      // Nothing of hers reached the others.
      await expectText(ann.page, 'Paint the stairwell.');
    });
  });
});
