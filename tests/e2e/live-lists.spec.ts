import { expect, test, type Page } from '@playwright/test';
import { api, closeAll, newPerson, proposalWith, runId, type Person } from './live-editor-fixture';

// Names from the fixture: the assembly every test of this file uses.
const ASSEMBLY = 'Riverside Co-op';

/** The discreet live line of the page's list. */
function liveStatusOf(page: Page) {
  return page.getByTestId('live-status');
}

/** Waits until the page's live events are flowing: connected, and every room it asked for joined. */
async function expectLive(page: Page) {
  await expect(liveStatusOf(page)).toHaveAttribute('data-connection', 'live');
}

/**
 * Leaves a mark in the page's window. A client-side update keeps it; a reload
 * or a full navigation would wipe it: {@link expectNoReload} tells which.
 */
async function markWindow(page: Page, mark: string) {
  await page.evaluate((value) => {
    (window as unknown as { liveMark?: string }).liveMark = value;
  }, mark);
}

async function expectNoReload(page: Page, mark: string) {
  expect(await page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark)).toBe(mark);
}

/** The row of a member on the members page. */
function memberRow(page: Page, name: string) {
  return page.getByRole('region', { name: 'Members' }).getByRole('listitem').filter({ hasText: name });
}

test.describe('live lists', () => {
  let people: Person[] = [];
  test.afterEach(async () => {
    await closeAll(...people);
    people = [];
  });

  test('others’ proposals, role changes and removals appear without a reload; a removed member is told', async ({ browser, baseURL }) => {
    const run = runId();
    const ann = await newPerson(browser, baseURL!, 'Ann Steward', run);
    const bob = await newPerson(browser, baseURL!, 'Bob Member', run);
    const cleo = await newPerson(browser, baseURL!, 'Cleo Member', run);
    people = [ann, bob, cleo];
    const { assemblyId } = await proposalWith(ann, [
      { person: bob, role: 'member' },
      { person: cleo, role: 'member' },
    ]);
    const base = `/assemblies/${assemblyId}`;
    const title = `Bike shed by the gate ${run}`;

    await bob.page.goto(base);
    await expectLive(bob.page);
    await markWindow(bob.page, run);
    await cleo.page.goto('/assemblies');
    await expectLive(cleo.page);
    await markWindow(cleo.page, run);

    await test.step('Ann starts a proposal in her browser; it appears in Bob’s list, announced', async () => {
      await ann.page.goto(base);
      await ann.page.getByLabel('Title').fill(title);
      await ann.page.getByRole('button', { name: 'Create proposal' }).click();
      await expect(ann.page.getByRole('heading', { level: 1, name: title })).toBeVisible();

      await expect(bob.page.getByRole('link', { name: title })).toBeVisible();
      await expect(liveStatusOf(bob.page)).toHaveText(`New proposal: ${title}`);
      await expect(liveStatusOf(bob.page)).toHaveAttribute('role', 'status');
      await expectNoReload(bob.page, run);
    });

    await test.step('Ann makes Cleo an observer: Bob’s members page and Cleo’s list of assemblies follow', async () => {
      await bob.page.getByRole('navigation', { name: 'Assembly sections' }).getByRole('link', { name: 'Members' }).click();
      await expect(memberRow(bob.page, 'Cleo Member')).toBeVisible();
      await expectLive(bob.page);
      await ann.page.goto(`${base}/members`);
      await ann.page.getByLabel('Role of Cleo Member').selectOption('observer');

      await expect(memberRow(bob.page, 'Cleo Member')).toContainText('Observer');
      await expect(liveStatusOf(bob.page)).toHaveText('Cleo Member is now observer.');
      await expect(cleo.page.getByRole('listitem').filter({ hasText: ASSEMBLY })).toContainText('Observer');
      await expect(liveStatusOf(cleo.page)).toHaveText(`Your role in ${ASSEMBLY} is now observer.`);
      await expectNoReload(bob.page, run);
      await expectNoReload(cleo.page, run);
    });

    await test.step('Ann removes Cleo: she leaves Bob’s members page and the count; the assembly leaves Cleo’s list', async () => {
      await expect(ann.page.getByLabel('Role of Cleo Member')).toBeEnabled();
      await ann.page.getByRole('button', { name: 'Remove Cleo Member' }).click();
      await ann.page.getByRole('button', { name: 'Yes, remove' }).click();

      await expect(memberRow(bob.page, 'Cleo Member')).toHaveCount(0);
      await expect(liveStatusOf(bob.page)).toHaveText('Cleo Member was removed from the assembly.');
      await expect(bob.page.getByText('2 members', { exact: true })).toBeVisible();
      await expect(cleo.page.getByRole('link', { name: ASSEMBLY })).toHaveCount(0);
      await expect(liveStatusOf(cleo.page)).toHaveText(`You are no longer a member of ${ASSEMBLY}.`);
      await expectNoReload(bob.page, run);
      await expectNoReload(cleo.page, run);
    });

    await test.step('Ann changes Bob’s own role: his log and his role in the header follow', async () => {
      await bob.page.getByRole('navigation', { name: 'Assembly sections' }).getByRole('link', { name: 'Log' }).click();
      await expect(bob.page.getByRole('heading', { name: 'Log' })).toBeVisible();
      await ann.page.getByLabel('Role of Bob Member').selectOption('observer');

      await expect(bob.page.getByRole('listitem').filter({ hasText: 'changed Bob Member’s role from member to observer' })).toHaveCount(1);
      await expect(liveStatusOf(bob.page)).toHaveText('New entries in the log.');
      await expect(bob.page.getByText('Your role:').locator('..')).toContainText('Observer');
      await expectNoReload(bob.page, run);
    });

    await test.step('Bob goes offline and misses an event; back online, his page catches up by itself', async () => {
      await expectLive(bob.page);
      await bob.context.setOffline(true);
      await expect(liveStatusOf(bob.page)).toHaveText(/Live updates paused/);
      await api(ann, 'POST', `/api/assemblies/${assemblyId}/proposals`, { title: `Missed while offline ${run}` });
      await bob.page.waitForTimeout(300);
      await bob.context.setOffline(false);
      await expect(bob.page.getByRole('link', { name: `Missed while offline ${run}` })).toBeVisible();
      await expectLive(bob.page);
      await expectNoReload(bob.page, run);
    });

    await test.step('Ann removes Bob: his page gives way to a notice and a way back', async () => {
      await ann.page.getByRole('button', { name: 'Remove Bob Member' }).click();
      await ann.page.getByRole('button', { name: 'Yes, remove' }).click();

      const notice = bob.page.getByRole('alert').filter({ hasText: `You were removed from ${ASSEMBLY}` });
      await expect(notice).toBeVisible();
      await expect(bob.page.getByRole('heading', { level: 1, name: `You were removed from ${ASSEMBLY}` })).toBeFocused();
      // The stale log and tabs are gone.
      await expect(bob.page.getByRole('navigation', { name: 'Assembly sections' })).toHaveCount(0);
      await expectNoReload(bob.page, run);

      await notice.getByRole('link', { name: 'Back to your assemblies' }).click();
      await expect(bob.page).toHaveURL(/\/assemblies$/);
      await expect(bob.page.getByRole('heading', { level: 1, name: 'Your assemblies' })).toBeVisible();
      await expect(bob.page.getByRole('link', { name: ASSEMBLY })).toHaveCount(0);
    });
  });
});
