import { expect, test, type Page } from '@playwright/test';

// The assertions read the English interface; pin the browser's language so that
// the server does not pick another one from Accept-Language.
test.use({ locale: 'en-US' });

const PASSWORD = 'a long enough passphrase';

/** Signs up from the page's current sign-up form and waits to be sent on. */
async function fillSignUp(page: Page, name: string, email: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('a member invites someone by link, who joins and opens the proposal', async ({ browser }) => {
  // Unique per run, so that the test also passes against a database that outlived an earlier run.
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const assemblyName = `Riverside Co-op ${run}`;
  const proposalTitle = `Repaint the stairwell ${run}`;

  // Two people, two separate browser contexts: no shared cookies.
  const annContext = await browser.newContext();
  const bobContext = await browser.newContext();
  try {
    const ann = await annContext.newPage();
    await ann.goto('/sign-up');
    await fillSignUp(ann, 'Ann Steward', `ann-${run}@example.org`);
    await expect(ann).toHaveURL(/\/assemblies$/);

    await test.step('Ann creates an assembly and a proposal', async () => {
      await ann.getByLabel('Name').fill(assemblyName);
      await ann.getByLabel('Description').fill('Tenants of 12 Riverside Road.');
      await ann.getByRole('button', { name: 'Create assembly' }).click();
      await expect(ann.getByRole('heading', { level: 1, name: assemblyName })).toBeVisible();

      await ann.getByLabel('Title').fill(proposalTitle);
      await ann.getByRole('button', { name: 'Create proposal' }).click();
      await expect(ann.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
    });

    const invitationUrl = await test.step('Ann creates an invitation link', async () => {
      await ann.getByRole('link', { name: `Back to ${assemblyName}` }).click();
      await ann.getByRole('navigation', { name: 'Assembly sections' }).getByRole('link', { name: 'Invitations' }).click();
      await ann.getByRole('button', { name: 'Create link' }).click();
      const field = ann.getByRole('textbox', { name: 'Invitation link', exact: true });
      await expect(field).toHaveValue(/\/join\/[A-Za-z0-9_-]{16,}$/);
      await expect(ann.getByText('it will not be shown again')).toBeVisible();
      return field.inputValue();
    });

    const bob = await bobContext.newPage();
    await test.step('Bob opens the link, signs up and joins', async () => {
      await bob.goto(invitationUrl);
      await expect(bob.getByRole('heading', { level: 1, name: `Invitation to ${assemblyName}` })).toBeVisible();
      await expect(bob.getByText('Ann Steward invites you to join as member.')).toBeVisible();

      await bob.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
      await expect(bob).toHaveURL(/\/sign-up\?next=/);
      await fillSignUp(bob, 'Bob Member', `bob-${run}@example.org`);
      // Sign-up honours ?next=: back on the invitation, now signed in.
      await expect(bob).toHaveURL(/\/join\//);

      await bob.getByRole('button', { name: `Join ${assemblyName}` }).click();
      await expect(bob).toHaveURL(/\/assemblies\/[^/]+$/);
      await expect(bob.getByRole('heading', { level: 1, name: assemblyName })).toBeVisible();
    });

    await test.step('Bob sees the proposal in the list and opens it', async () => {
      const proposalLink = bob.getByRole('link', { name: proposalTitle });
      await expect(proposalLink).toBeVisible();
      await proposalLink.click();
      await expect(bob.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
      await expect(bob.getByText('Ann Steward', { exact: true })).toBeVisible();
      await expect(bob.getByRole('link', { name: assemblyName, exact: true })).toBeVisible();
    });

    await test.step('the single-use link is now used up', async () => {
      await ann.reload();
      await expect(ann.getByText('Used up', { exact: true })).toBeVisible();
    });
  } finally {
    await annContext.close();
    await bobContext.close();
  }
});
