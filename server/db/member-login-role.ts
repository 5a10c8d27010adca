/** A safe SQL identifier: nothing that would need quoting. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * SQL that creates, when the cluster lacks them, the role `plenary_app` and a
 * login role `role` that is a member of it and nothing else: what a server's
 * DATABASE_URL should name (docs/deploy.md). Roles are cluster-wide, and
 * several processes (test files, bench rounds) may create one at the same
 * moment: the loser's duplicate_object or unique_violation is swallowed, as
 * migration 0004 does. Run it as a superuser, before the migrations, which
 * expect plenary_app to exist when the migrating role may not create roles.
 */
export function memberLoginRoleSql(role: string, password: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`not a plain role name: ${role}`);
  const quotedPassword = `'${password.replaceAll("'", "''")}'`;
  return `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plenary_app') THEN
    BEGIN
      CREATE ROLE plenary_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
    BEGIN
      CREATE ROLE ${role} LOGIN PASSWORD ${quotedPassword} IN ROLE plenary_app;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$`;
}
