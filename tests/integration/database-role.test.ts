/**
 * Promise 1 on PostgreSQL: the server's own connection cannot step out of
 * plenary_app. Its login role (as tests/support/test-database.ts sets it up,
 * like a careful deployment) is only a member of plenary_app, so returning to
 * the session user with RESET ROLE or SET ROLE NONE gains nothing: changing a
 * dissent, or disabling or dropping its trigger, is still refused. And a
 * login role that could escape (the owner, a superuser) is warned about at
 * start, and refused with NODE_ENV=production.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ROLE, openDatabase } from '../../server/db/open-database';
import { logger } from '../../server/logging/logger';
import { spawnServer } from '../support/server-process';
import { buildSyncFixture, newProposal, type SyncFixture } from '../support/sync-fixture';
import { SERVER_TEST_ROLE } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

/** The error a database refusal carries (drizzle wraps the driver's error as `cause`). */
async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message?: string } | undefined> {
  return promise.then(
    () => undefined,
    (error: { cause?: { code?: string; message?: string }; code?: string; message?: string }) => error.cause ?? error,
  );
}

/** Ways back to the session user that SQL on the server's connection could try. */
const ESCAPES = ['RESET ROLE', 'SET ROLE NONE'] as const;

/** What the escape would be for: rewriting a dissent, or switching its guard off. */
const ATTACKS = [
  `update dissent set quote_exact = 'what the majority prefers'`,
  'delete from dissent',
  'truncate dissent cascade',
  'alter table dissent disable trigger dissent_append_only',
  'alter table dissent disable trigger all',
  'drop trigger dissent_append_only on dissent',
] as const;

// PGlite has one in-process connection, opened as the owner: there `SET ROLE NONE` does return
// to the owner, and the role switch only guards against mistakes (docs/architecture.md).
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "the server's own PostgreSQL connection cannot escape plenary_app (PostgreSQL only: PGlite's single connection belongs to the owner)",
  () => {
    let server: TestServer;
    let fx: SyncFixture;

    beforeAll(async () => {
      server = await startTestServer();
      fx = await buildSyncFixture(server.url);
      // Rows to aim at: row triggers and DELETE only matter where there are rows.
      const proposalId = await newProposal(fx, 'Contested');
      const filed = await fx.bob.post(`/api/proposals/${proposalId}/dissents`, {
        title: 'Not like this',
        body: 'A minority position.',
        alternativeWording: null,
        anchor: null,
      });
      expect(filed.status).toBe(201);
    });
    afterAll(async () => {
      await server?.stop();
    });

    /** Runs `statements` in one transaction on the server's own pool (one connection), and rolls back. */
    async function onServerConnection(...statements: string[]): Promise<Record<string, unknown>[]> {
      let rows: Record<string, unknown>[] = [];
      const rolledBack = new Error('rolled back on purpose');
      const outcome = await refusal(
        server.database.db.transaction(async (tx) => {
          for (const statement of statements) rows = ((await tx.execute(sql.raw(statement))) as unknown as { rows: Record<string, unknown>[] }).rows;
          throw rolledBack;
        }),
      );
      if (outcome !== rolledBack) throw outcome;
      return rows;
    }

    it('logs in as a role that is no superuser, may not create roles and can act as no owner', async () => {
      const [row] = await onServerConnection(
        `select session_user::text as login, current_user::text as role, r.rolsuper as superuser, r.rolcreaterole as create_role,
                (select count(*)::int from pg_tables t where t.schemaname = 'public' and pg_has_role(session_user, t.tableowner, 'MEMBER')) as owned
           from pg_roles r where r.rolname = session_user`,
      );
      expect(row).toEqual({ login: SERVER_TEST_ROLE, role: APP_ROLE, superuser: false, create_role: false, owned: 0 });
    });

    it('lets RESET ROLE keep plenary_app and SET ROLE NONE reach only the login role', async () => {
      expect(await onServerConnection('RESET ROLE', 'select current_user::text as role')).toEqual([{ role: APP_ROLE }]);
      expect(await onServerConnection('SET ROLE NONE', 'select current_user::text as role')).toEqual([{ role: SERVER_TEST_ROLE }]);
    });

    it.each(ESCAPES)('after %s, changing a dissent or its trigger is still refused', async (escape) => {
      for (const attack of ATTACKS) {
        const refused = await refusal(
          server.database.db.transaction(async (tx) => {
            await tx.execute(sql.raw(escape));
            await tx.execute(sql.raw(attack));
          }),
        );
        // Refused for want of privilege or ownership, before any trigger had to step in.
        expect(refused, `${escape}; ${attack}`).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied|must be owner/) });
        expect(refused?.message, `${escape}; ${attack}`).not.toMatch(/append-only/);
      }
    });

    it("cannot become the owner by name either", async () => {
      const owner = decodeURIComponent(new URL(server.ownerUrl!).username);
      for (const escape of [`SET ROLE "${owner}"`, `SET SESSION AUTHORIZATION "${owner}"`]) {
        const refused = await refusal(server.database.db.execute(sql.raw(escape)));
        expect(refused, escape).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
      }
    });

    it('leaves the dissent and its trigger as they were', async () => {
      const [row] = await onServerConnection(
        `select (select count(*)::int from dissent) as dissents,
                (select tgenabled from pg_trigger where tgname = 'dissent_append_only') as enabled`,
      );
      expect(row).toEqual({ dissents: 1, enabled: 'O' });
    });

    describe('the start-up check of the login role', () => {
      it('says nothing about a login role that is only a member of plenary_app', async () => {
        const warn = vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);
        try {
          const database = await openDatabase({
            dataDir: server.dataDir,
            databaseUrl: server.env.DATABASE_URL,
            databaseMigrationUrl: server.ownerUrl,
            allowOwnerDatabaseRole: false,
          });
          await database.close();
          expect(warn).not.toHaveBeenCalled();
        } finally {
          warn.mockRestore();
        }
      });

      it('warns loudly about the owner as DATABASE_URL, with the fix, and refuses it when not allowed', async () => {
        const ownerUrl = server.ownerUrl!;
        const password = new URL(ownerUrl).password;
        const warn = vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);
        try {
          const database = await openDatabase({ dataDir: server.dataDir, databaseUrl: ownerUrl, allowOwnerDatabaseRole: true });
          await database.close();
          expect(warn).toHaveBeenCalledTimes(1);
          const message = String(warn.mock.calls[0][1]);
          expect(message).toMatch(/WARNING: The PostgreSQL login role "[^"]+" of DATABASE_URL is a superuser/);
          expect(message).toMatch(/SET ROLE NONE/);
          expect(message).toContain("CREATE ROLE plenary_server LOGIN PASSWORD 'PASSWORD' IN ROLE plenary_app;");
          expect(message).toMatch(/DATABASE_MIGRATION_URL=postgres:\/\/[^ ]+ /);
          expect(message).toMatch(/DATABASE_URL=postgres:\/\/plenary_server:PASSWORD@/);
          if (password) expect(message).not.toContain(`:${password}@`);
        } finally {
          warn.mockRestore();
        }
        await expect(openDatabase({ dataDir: server.dataDir, databaseUrl: ownerUrl, allowOwnerDatabaseRole: false })).rejects.toThrow(
          /refusing this database login role[\s\S]*ALLOW_OWNER_DATABASE_ROLE=true/,
        );
      });

      it('stops a server started with NODE_ENV=production on the owner, unless ALLOW_OWNER_DATABASE_ROLE is set', async () => {
        const env = { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: server.dataDir, DATABASE_URL: server.ownerUrl! };
        await expect(spawnServer({ ...env, DATABASE_MIGRATION_URL: '' })).rejects.toThrow(
          /exited with 1[\s\S]*Plenary could not start: refusing this database login role/,
        );
        const allowed = await spawnServer({ ...env, DATABASE_MIGRATION_URL: '', ALLOW_OWNER_DATABASE_ROLE: 'true' });
        try {
          expect(allowed.output()).toMatch(/WARNING: The PostgreSQL login role/);
        } finally {
          await allowed.kill();
        }
      });
    });
  },
);
