/**
 * Whether the PostgreSQL login role the server connects as could step out of
 * plenary_app. The role switch (`-c role=plenary_app`) changes current_user
 * only: the session user stays the login role, and `SET ROLE NONE` returns to
 * it. When that role owns the record's tables, or is a superuser, any SQL run
 * on the server's connections could then disable the append-only triggers and
 * rewrite dissents, so promise 1 would rest on the application code alone.
 */

/** Tables whose ownership gives away the record (the append-only ones of migrations 0004 and 0005). */
export const RECORD_TABLES = [
  'assembly_log',
  'ledger_entry',
  'dissent',
  'dissent_revision',
  'dissent_withdrawal',
  'dissent_signature',
  'dissent_reply',
  'reply_revision',
  'reply_retraction',
  'proposal_transition',
  'proposal_version',
  'decision',
  'decision_closing',
  'stance',
  'reopen_motion',
  'reopen_motion_signature',
] as const;

/** What the login role could do once it leaves plenary_app; undefined from {@link inspectLoginRole} when nothing. */
export interface LoginRoleRisk {
  /** The session user: the role DATABASE_URL logs in as. */
  loginRole: string;
  /** A superuser may do anything, triggers included. */
  superuser: boolean;
  /** CREATEROLE lets a role grant itself membership in the owner's role (PostgreSQL 15 and older). */
  createRole: boolean;
  /** Record tables the login role owns, or may act as the owner of through membership. */
  ownedTables: string[];
}

/** Runs one query on the server's pool and returns its rows. */
export type RowQuery = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/**
 * Inspects the session user of a connection of the server's pool. Membership
 * ('MEMBER', not 'USAGE') is what counts: a NOINHERIT member of the owner's
 * role can still `SET ROLE` to it.
 */
export async function inspectLoginRole(query: RowQuery): Promise<LoginRoleRisk | undefined> {
  const { rows } = await query(
    `select session_user::text as login_role, r.rolsuper as superuser, r.rolcreaterole as create_role,
            coalesce((select array_agg(t.tablename::text order by t.tablename)
                        from pg_tables t
                       where t.schemaname = 'public' and t.tablename = any($1::text[])
                         and pg_has_role(session_user, t.tableowner, 'MEMBER')), '{}') as owned_tables
       from pg_roles r where r.rolname = session_user`,
    [[...RECORD_TABLES]],
  );
  const row = rows[0];
  if (!row) return undefined;
  const risk: LoginRoleRisk = {
    loginRole: String(row.login_role),
    superuser: row.superuser === true,
    createRole: row.create_role === true,
    ownedTables: (row.owned_tables as string[]) ?? [],
  };
  return risk.superuser || risk.createRole || risk.ownedTables.length > 0 ? risk : undefined;
}

/** `databaseUrl` with its user replaced and its password left out, for the suggested configuration. */
function suggestedUrl(databaseUrl: string, user: string): string {
  const url = new URL(databaseUrl);
  url.username = user;
  url.password = 'PASSWORD';
  return url.toString();
}

/**
 * What to tell the operator about a risky login role, as the warning printed
 * or the refusal thrown: what is at stake and the exact steps that remove the
 * risk. Never includes a password.
 */
export function loginRoleWarning(risk: LoginRoleRisk, databaseUrl: string): string {
  const what = [
    risk.superuser ? 'is a superuser' : undefined,
    // A superuser may create roles anyway: saying so again would only blur the message.
    !risk.superuser && risk.createRole ? "may create roles (and so may be able to grant itself the owner's role)" : undefined,
    !risk.superuser && risk.ownedTables.length > 0 ? `owns the record's tables (${risk.ownedTables.join(', ')})` : undefined,
  ].filter(Boolean);
  const owner = new URL(databaseUrl);
  owner.password = owner.password ? 'PASSWORD' : '';
  return [
    `The PostgreSQL login role "${risk.loginRole}" of DATABASE_URL ${what.join(' and ')}.`,
    'The server runs its queries as plenary_app, but the login role stays the session user: any SQL that runs on',
    `the server's connections (a bug, an injection) can "SET ROLE NONE", become "${risk.loginRole}", disable the`,
    "append-only triggers and rewrite or delete dissents and the ledger. Promise 1 then rests on the code alone.",
    'Fix: let the server log in as a role that is only a member of plenary_app, and migrate as the owner.',
    'Once, as a superuser or a role with CREATEROLE (the migrations have made sure plenary_app exists):',
    "  CREATE ROLE plenary_server LOGIN PASSWORD 'PASSWORD' IN ROLE plenary_app;",
    'then start Plenary with',
    `  DATABASE_MIGRATION_URL=${owner.toString()}   (the URL you use now: the tables' owner)`,
    `  DATABASE_URL=${suggestedUrl(databaseUrl, 'plenary_server')}`,
    'With NODE_ENV=production the server refuses to start like this unless ALLOW_OWNER_DATABASE_ROLE=true.',
  ].join('\n');
}
