import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Runtime } from '../runtime';
import { acceptInvitation } from '../services/accept-invitation';
import { createAssembly } from '../services/create-assembly';
import { createInvitation } from '../services/create-invitation';
import { createProposal } from '../services/create-proposal';
import { appendUpdates, loadText } from '../sync/document-store';
import { seedDemoDissent } from './demo-dissent';
import { demoTextUpdate } from './demo-text';

/** A demo account, with the password generated for it (shown once). */
export interface DemoAccount {
  name: string;
  email: string;
  password: string;
}

/** What the demo made. */
export interface DemoSeed {
  accounts: DemoAccount[];
  assemblyId: string;
  proposalId: string;
}

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * On an empty database (no account yet), creates the demo: two accounts with
 * generated passwords, an assembly where the first is steward and the second
 * a member, and a sample proposal with some text and a dissent with a reply,
 * all through the ordinary use cases. Returns undefined when the database is not empty.
 */
export async function seedDemo(runtime: Runtime): Promise<DemoSeed | undefined> {
  const result = await runtime.db.execute(sql`select exists (select 1 from "user") as taken`);
  if ((result as unknown as { rows: { taken: boolean }[] }).rows[0]?.taken) return undefined;

  const accounts: DemoAccount[] = [
    { name: 'Ada Demo', email: 'ada@demo.example.org', password: newPassword() },
    { name: 'Ben Demo', email: 'ben@demo.example.org', password: newPassword() },
  ];
  const [ada, ben] = await Promise.all(
    accounts.map(async (account) => (await runtime.auth.api.signUpEmail({ body: account })).user),
  );
  const assembly = await createAssembly(runtime.db, ada.id, {
    name: 'Demo housing co-op',
    description: 'A sample assembly to try Plenary: write together, invite others, see who is here.',
  });
  const invitation = await createInvitation(runtime.db, ada, assembly.id, { role: 'member', expiresInHours: 1, maxUses: 1 }, runtime.publicUrl);
  await acceptInvitation(runtime.db, ben.id, invitation.token);
  const proposal = await createProposal(runtime.db, ada.id, assembly.id, { title: 'A rota for the shared garden', coAuthorIds: [ben.id] });
  const stored = await loadText(runtime.db, proposal.id);
  await appendUpdates(runtime.appendLog, [{ proposalId: proposal.id, data: demoTextUpdate(stored.snapshot!) }]);
  await seedDemoDissent(runtime.db, proposal.id, ben.id, ada.id);
  return { accounts, assemblyId: assembly.id, proposalId: proposal.id };
}

/** The lines printed once at start, telling a newcomer how to sign in to the demo. */
export function describeDemo(seed: DemoSeed, publicUrl: string): string {
  const lines = [
    'A demo assembly was created. Sign in with either account (the passwords are shown only this once):',
    ...seed.accounts.map((a) => `  ${a.name}: ${a.email}  password: ${a.password}`),
    `  Open ${publicUrl}/sign-in, then the proposal: ${publicUrl}/proposals/${seed.proposalId}`,
    '  Sign in as the other account in a private window to write together. Set DEMO=off to skip the demo.',
  ];
  return lines.join('\n');
}
