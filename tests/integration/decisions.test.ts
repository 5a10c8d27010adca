/**
 * A proposal's round through the API: stages steered by its authors, a
 * decision on a frozen version with stances of declared affectedness, a tally
 * whose equal and weighted counts differ, closing exactly once (early, or at
 * the deadline even across a restart), and reopening on a co-signed motion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type LedgerEntry } from '../../core/ledger';
import { openDecision } from '../../server/services/open-decision';
import type { ApiClient } from '../support/api-client';
import { fingerprint } from '../support/db-fingerprint';
import { addMember, buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let fx: SyncFixture;
let cleo: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  fx = await buildSyncFixture(server.url);
  cleo = await addMember(fx, server.url, 'Cleo');
});
afterAll(async () => {
  await server?.stop();
});

async function ledgerOf(proposalId: string): Promise<LedgerEntry[]> {
  const response = await fx.ann.get(`/api/proposals/${proposalId}/ledger`);
  return response.body.entries;
}

async function inDeliberation(title: string): Promise<string> {
  const proposalId = await newProposal(fx, title);
  expect((await fx.ann.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' })).body).toEqual({
    status: 'deliberation',
    round: 1,
  });
  return proposalId;
}

const stance = (person: ApiClient, proposalId: string, body: Record<string, unknown>) => person.post(`/api/proposals/${proposalId}/stances`, body);

describe('stages', () => {
  it('lets only authors steer, refuses impossible changes, and changes nothing when refusing', async () => {
    const proposalId = await newProposal(fx, 'Steering');
    const before = await fingerprint(server.database.db);
    expect((await fx.bob.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' })).body.error.reason).toBe('ONLY_AUTHORS_STEER');
    expect((await fx.olga.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' })).status).toBe(403);
    expect((await fx.outsider.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' })).status).toBe(404);
    expect((await fx.ann.post(`/api/proposals/${proposalId}/decision`, {})).body.error.reason).toBe('TRANSITION_NOT_ALLOWED');
    expect((await fx.ann.post(`/api/proposals/${proposalId}/transitions`, { transition: 'adopt' })).status).toBe(400);
    expect(await fingerprint(server.database.db)).toBe(before);
    expect((await fx.ann.post(`/api/proposals/${proposalId}/transitions`, { transition: 'withdraw' })).body.status).toBe('withdrawn');
    expect((await fx.ann.post(`/api/proposals/${proposalId}/transitions`, { transition: 'open-deliberation' })).status).toBe(409);
  });
});

describe('a decision', () => {
  it('judges a frozen version; equal and weighted counts are shown side by side and the weighted one decides', async () => {
    const proposalId = await inDeliberation('Weighted rota');
    const rule = { kind: 'majority', quorum: { numerator: 1, denominator: 2 }, counting: 'weighted' };
    const opened = await fx.ann.post(`/api/proposals/${proposalId}/decision`, { rule });
    expect(opened.status).toBe(201);
    expect(opened.body.status).toBe('decision');
    const version = await fx.bob.get(`/api/versions/${opened.body.versionId}`);
    expect(version.body).toMatchObject({ kind: 'decision', round: 1 });

    expect((await stance(fx.bob, proposalId, { choice: 'block', affectedness: 3 })).status).toBe(400);
    expect((await stance(fx.olga, proposalId, { choice: 'agree', affectedness: 1 })).body.error.reason).toBe('NOT_ELIGIBLE_TO_STAND');
    expect((await stance(fx.ann, proposalId, { choice: 'agree', affectedness: 1 })).status).toBe(201);
    expect((await stance(cleo, proposalId, { choice: 'agree', affectedness: 0 })).status).toBe(201);
    expect((await fx.ann.post(`/api/proposals/${proposalId}/decision/close`)).body.error.reason).toBe('STANCES_MISSING');
    expect((await stance(fx.bob, proposalId, { choice: 'agree', affectedness: 2 })).status).toBe(201);
    const changed = await stance(fx.bob, proposalId, { choice: 'disagree', affectedness: 3, reason: 'The rota puts my night shifts first.' });
    expect(changed.body).toMatchObject({ versionId: opened.body.versionId, choice: 'disagree' });

    const live = (await fx.olga.get(`/api/proposals/${proposalId}/decision`)).body;
    expect(live.stances).toHaveLength(3);
    expect(live.stances.find((s: { member: { name: string } }) => s.member.name === 'Bob')).toMatchObject({ choice: 'disagree', affectedness: 3, changes: 2 });
    expect(live.decision.tally).toMatchObject({
      equal: { agree: 2, disagree: 1 },
      weighted: { agree: 1, disagree: 3 },
      decidingCount: 'weighted',
      outcome: 'rejected',
    });

    expect((await fx.bob.post(`/api/proposals/${proposalId}/decision/close`)).body.error.reason).toBe('ONLY_AUTHORS_STEER');
    const closed = await fx.ann.post(`/api/proposals/${proposalId}/decision/close`);
    expect(closed.body).toEqual({ status: 'rejected' });
    expect((await stance(fx.ann, proposalId, { choice: 'agree', affectedness: 1 })).body.error.reason).toBe('NO_OPEN_DECISION');
    expect((await fx.ann.post(`/api/proposals/${proposalId}/decision/close`)).body.error.reason).toBe('NO_OPEN_DECISION');

    const record = (await fx.ann.get(`/api/proposals/${proposalId}/decision`)).body;
    expect(record.decision.closing).toMatchObject({ outcome: 'rejected', reason: 'early' });
    const chain = await ledgerOf(proposalId);
    expect(verifyChain(proposalId, chain).ok).toBe(true);
    expect(chain.map((e) => e.kind)).toEqual([
      'proposal.created',
      'proposal.status_changed',
      'version.saved',
      'decision.opened',
      'proposal.status_changed',
      'stance.cast',
      'stance.cast',
      'stance.cast',
      'stance.cast',
      'decision.closed',
      'proposal.status_changed',
    ]);
    expect((await fx.ann.get(`/api/proposals/${proposalId}/ledger/verify`)).body.ok).toBe(true);

    // A stance slipped in with SQL (the server's role may insert) is named by the verifier.
    const decisionId = live.decision.id as string;
    await server.database.db.execute(
      `insert into stance (decision_id, user_id, choice, affectedness, version_id) values ('${decisionId}', '${cleo.userId}', 'block', 3, '${opened.body.versionId}')` as never,
    );
    expect((await fx.ann.get(`/api/proposals/${proposalId}/ledger/verify`)).body).toMatchObject({ ok: false, brokenAt: { problem: 'unrecorded-row', row: { table: 'stance' } } });
  });

  it('closes at its deadline exactly once, also when the deadline passed while the server was down', async () => {
    const proposalId = await inDeliberation('Deadline');
    const now = Date.now();
    // Opened "two minutes ago" with a deadline two seconds from now (the API refuses deadlines under a minute ahead).
    const opened = await openDecision(server.database.db, fx.ann.userId!, proposalId, { deadline: new Date(now + 2000).toISOString() }, new Date(now - 120_000));
    await stance(fx.ann, proposalId, { choice: 'agree', affectedness: 2 });
    await stance(fx.bob, proposalId, { choice: 'agree', affectedness: 1 });
    await server.restart(async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, now + 2500 - Date.now())));
    });
    const after = (await fx.ann.get(`/api/proposals/${proposalId}/decision`)).body;
    expect(after.status).toBe('adopted');
    expect(after.decision).toMatchObject({ id: opened.decisionId, closing: { outcome: 'adopted', reason: 'deadline' } });
    await server.restart();
    const kinds = (await ledgerOf(proposalId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'decision.closed')).toHaveLength(1);
    expect((await fx.ann.get(`/api/proposals/${proposalId}/ledger/verify`)).body.ok).toBe(true);
  });
});

describe('reopening', () => {
  it('takes a motion co-signed by two members, and starts a new round with the dissents carried forward', async () => {
    const proposalId = await inDeliberation('Reopen me');
    const dissent = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, { title: 'Minority', body: 'I still disagree.' });
    await fx.ann.post(`/api/proposals/${proposalId}/decision`, { rule: { kind: 'majority', quorum: { numerator: 0, denominator: 1 }, counting: 'equal' } });
    await stance(fx.ann, proposalId, { choice: 'agree', affectedness: 1 });
    await stance(fx.bob, proposalId, { choice: 'disagree', affectedness: 1, reason: 'See my dissent.' });
    await stance(cleo, proposalId, { choice: 'agree', affectedness: 1 });
    expect((await fx.ann.post(`/api/proposals/${proposalId}/decision/close`)).body).toEqual({ status: 'adopted' });

    expect((await fx.olga.post(`/api/proposals/${proposalId}/reopening-motions`, { reason: 'x' })).body.error.reason).toBe('OBSERVERS_CANNOT_STEER');
    const motion = await fx.bob.post(`/api/proposals/${proposalId}/reopening-motions`, { reason: 'New facts about the night shifts.' });
    expect(motion.body).toMatchObject({ reopened: false });
    expect((await fx.bob.post(`/api/reopening-motions/${motion.body.id}/signatures`)).body.error.reason).toBe('MOTION_ALREADY_SIGNED');
    expect((await fx.outsider.post(`/api/reopening-motions/${motion.body.id}/signatures`)).status).toBe(404);
    expect((await cleo.post(`/api/reopening-motions/${motion.body.id}/signatures`)).body).toMatchObject({ reopened: true });
    const round = (await fx.olga.get(`/api/proposals/${proposalId}/decision`)).body;
    expect(round).toMatchObject({ status: 'deliberation', round: 2 });
    expect(round.motions[0].signers.map((s: { name: string }) => s.name)).toEqual(['Bob', 'Cleo']);
    expect((await fx.ann.post(`/api/reopening-motions/${motion.body.id}/signatures`)).body.error.reason).toBe('MOTION_CLOSED');
    const dissents = (await fx.ann.get(`/api/proposals/${proposalId}/dissents`)).body.dissents;
    expect(dissents.map((d: { id: string; state: string }) => [d.id, d.state])).toEqual([[dissent.body.id, 'standing']]);
    // The earlier decision stays readable.
    expect((await fx.ann.get(`/api/proposals/${proposalId}/ledger`)).body.entries.some((e: LedgerEntry) => e.kind === 'decision.closed')).toBe(true);
  });
});

describe('decision settings', () => {
  it('are read by members and changed by stewards only, logged', async () => {
    const settings = (await fx.olga.get(`/api/assemblies/${fx.assemblyId}/decision-settings`)).body;
    expect(settings).toMatchObject({ rule: { kind: 'consent' }, reopenSignatures: 2 });
    const next = { ...settings, reopenSignatures: 3, rule: { kind: 'supermajority', threshold: { numerator: 2, denominator: 3 }, quorum: { numerator: 1, denominator: 2 }, counting: 'equal' } };
    expect((await fx.bob.request('PUT', `/api/assemblies/${fx.assemblyId}/decision-settings`, next)).body.error.reason).toBe('STEWARDS_ONLY_DECISION_SETTINGS');
    expect((await fx.ann.request('PUT', `/api/assemblies/${fx.assemblyId}/decision-settings`, { ...next, reopenSignatures: 0 })).status).toBe(400);
    expect((await fx.ann.request('PUT', `/api/assemblies/${fx.assemblyId}/decision-settings`, next)).body).toMatchObject({ reopenSignatures: 3 });
    const log = (await fx.bob.get(`/api/assemblies/${fx.assemblyId}/log`)).body;
    expect(JSON.stringify(log)).toContain('decision_settings.changed');
    // Put the defaults back for the other tests of this file.
    await fx.ann.request('PUT', `/api/assemblies/${fx.assemblyId}/decision-settings`, settings);
  });
});
