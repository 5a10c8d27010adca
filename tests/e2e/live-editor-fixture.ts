import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

const PASSWORD = 'a long enough passphrase';

/** One person in their own browser context (own cookies), with one page. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** The server's origin, sent as the Origin header of API calls. */
  origin: string;
  /** Their user id. */
  id: string;
}

/** A string unique to this run, so that tests also pass against a database that outlived an earlier run. */
export function runId(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** JSON API call from the person's context: their session cookie and the page's Origin, as the API requires. */
export async function api<T>(
  person: Pick<Person, 'context' | 'origin'>,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await person.context.request.fetch(new URL(path, person.origin).href, { method, data, headers: { origin: person.origin } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** A new account signed in within a fresh browser context. */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  name: string,
  run: string,
  viewport = { width: 1100, height: 900 },
): Promise<Person> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', viewport });
  const page = await context.newPage();
  const origin = new URL(baseURL).origin;
  const { user } = await api<{ user: { id: string } }>({ context, origin }, 'POST', '/api/auth/sign-up/email', {
    name,
    email: `${name.split(' ')[0].toLowerCase()}-${run}@example.org`,
    password: PASSWORD,
  });
  return { name, context, page, origin, id: user.id };
}

/** An assembly created by `steward`, a proposal in it, and the others joined with the given roles. */
export async function proposalWith(steward: Person, others: { person: Person; role: 'member' | 'observer' }[] = []) {
  // Names need not be unique (ids are), and these show in the screenshot.
  const assembly = await api<{ id: string }>(steward, 'POST', '/api/assemblies', { name: 'Riverside Co-op' });
  for (const { person, role } of others) {
    const invitation = await api<{ token: string }>(steward, 'POST', `/api/assemblies/${assembly.id}/invitations`, { role });
    await api(person, 'POST', `/api/invitations/${invitation.token}/accept`);
  }
  const proposal = await api<{ id: string }>(steward, 'POST', `/api/assemblies/${assembly.id}/proposals`, { title: 'Repaint the stairwell' });
  return { assemblyId: assembly.id, proposalId: proposal.id };
}

/** The proposal's text editor on a page. */
export function editorOf(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Text of the proposal' });
}

/** The connection indicator. */
export function connectionOf(page: Page): Locator {
  return page.getByRole('status', { name: 'Connection' });
}

/** The save indicator (its data-state is saved, saving or unsaved). */
export function saveStateOf(page: Page): Locator {
  return page.getByTestId('save-state');
}

/** Opens the proposal and waits until the server's text has arrived. */
export async function openProposal(person: Person, proposalId: string): Promise<void> {
  await person.page.goto(`/proposals/${proposalId}`);
  await expect(connectionOf(person.page)).toHaveText('Connected');
}

/** Puts the cursor at the very end of the text and types there. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Closes every context of the people, whatever happened. */
export async function closeAll(...people: (Person | undefined)[]): Promise<void> {
  await Promise.all(people.map((person) => person?.context.close()));
}

/**
 * The text of each element, as a reader sees it: without the name labels of
 * other people's carets, which sit inside the text as decorations.
 */
export function textsOf(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return (copy.textContent ?? '').trim();
    }),
  );
}

/** Waits until the elements' texts (see {@link textsOf}) are `expected`. */
export async function expectTexts(locator: Locator, expected: string[]): Promise<void> {
  await expect.poll(() => textsOf(locator)).toEqual(expected);
}

/** Waits until a page's whole text (see {@link textsOf}) is `expected`. */
export async function expectText(page: Page, expected: string): Promise<void> {
  await expectTexts(editorOf(page), [expected]);
}
