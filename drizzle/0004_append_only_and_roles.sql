-- Promises 1 and 5 in the database itself: the authoritative rows of dissents, replies,
-- signatures and the ledger are append-only (triggers refuse UPDATE, DELETE and TRUNCATE
-- whoever asks, the owner included), and the server runs its queries as plenary_app, a role
-- that owns nothing and may only SELECT and INSERT those tables. Written by hand: drizzle's
-- schema describes neither triggers nor roles.

-- 1. Proposals created before the ledger existed get their first entry, `proposal.created`,
--    exactly as core/ledger.ts and server/services/create-proposal.ts would have written it:
--    the body's RFC 8785 canonical JSON is spelled out (keys sorted by code unit, no
--    whitespace; to_json(text) escapes strings as ECMAScript's JSON.stringify does for any
--    text PostgreSQL can hold), `at` is the proposal's created_at in UTC with milliseconds,
--    authorIds are the creator then the co-authors by added_at, then user_id in byte order (the
--    same on every database, whatever its collation), and both hashes are
--    SHA-256 in lowercase hex. tests/integration/ledger-backfill.test.ts checks the result
--    with core/ledger.ts's verifyChain and recomputes titleHash in JS.
INSERT INTO ledger_entry (proposal_id, seq, kind, entry, hash)
SELECT body.proposal_id, 1, 'proposal.created', body.canonical::jsonb,
       encode(sha256(convert_to(body.canonical, 'UTF8')), 'hex')
FROM (
  SELECT p.id AS proposal_id,
         '{"actorId":' || to_json(p.created_by)::text
         || ',"at":' || to_json(to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
         || ',"data":{"assemblyId":' || to_json(p.assembly_id)::text
         || ',"authorIds":' || COALESCE(
              (SELECT '[' || string_agg(to_json(pa.user_id)::text, ',' ORDER BY (pa.user_id = p.created_by) DESC, pa.added_at, pa.user_id COLLATE "C") || ']'
                 FROM proposal_author pa WHERE pa.proposal_id = p.id),
              '[]')
         || ',"titleHash":"' || encode(sha256(convert_to('{"title":' || to_json(p.title)::text || '}', 'UTF8')), 'hex') || '"}'
         || ',"kind":"proposal.created","prev":null,"proposalId":' || to_json(p.id)::text
         || ',"seq":1,"v":1}' AS canonical
  FROM proposal p
  WHERE NOT EXISTS (SELECT 1 FROM ledger_entry le WHERE le.proposal_id = p.id)
) AS body;
--> statement-breakpoint

-- 2. Triggers: plenary_refuse_change() (migration 0001) on every append-only table.
--    dissent_reading is a per-reader cache, rebuilt at will: it stays mutable.
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_append_only BEFORE UPDATE OR DELETE ON dissent
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_no_truncate BEFORE TRUNCATE ON dissent
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_revision_append_only BEFORE UPDATE OR DELETE ON dissent_revision
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_revision_no_truncate BEFORE TRUNCATE ON dissent_revision
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_withdrawal_append_only BEFORE UPDATE OR DELETE ON dissent_withdrawal
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_withdrawal_no_truncate BEFORE TRUNCATE ON dissent_withdrawal
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_signature_append_only BEFORE UPDATE OR DELETE ON dissent_signature
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_signature_no_truncate BEFORE TRUNCATE ON dissent_signature
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_reply_append_only BEFORE UPDATE OR DELETE ON dissent_reply
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dissent_reply_no_truncate BEFORE TRUNCATE ON dissent_reply
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reply_revision_append_only BEFORE UPDATE OR DELETE ON reply_revision
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reply_revision_no_truncate BEFORE TRUNCATE ON reply_revision
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reply_retraction_append_only BEFORE UPDATE OR DELETE ON reply_retraction
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reply_retraction_no_truncate BEFORE TRUNCATE ON reply_retraction
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint

-- 3. The role the server runs as (server/db/open-database.ts switches every connection to it
--    after migrating). Roles belong to the whole cluster, not to this database: it may exist
--    already (another database of the cluster, a test run), or another migration may be
--    creating it at this very moment, which surfaces as duplicate_object or unique_violation.
--    A migrating role that is not a superuser is made a member, so that it may also serve as
--    the server's login role (a superuser may take any role).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plenary_app') THEN
    BEGIN
      CREATE ROLE plenary_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    BEGIN
      EXECUTE format('GRANT plenary_app TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN
      -- Created by someone else (a DBA) who grants it to the server's login role instead.
      RAISE NOTICE 'could not grant plenary_app to %: the server''s login role must be a member of plenary_app', current_user;
    END;
  END IF;
END
$$;
--> statement-breakpoint

-- 4. What the server may do. Nothing is owned by plenary_app, so it can neither drop nor
--    disable a trigger; it has no TRUNCATE anywhere. Every later migration that adds a table
--    must grant it here too (deliberately no default privileges: a forgotten grant fails
--    loudly in the tests instead of silently giving UPDATE on a table meant to be append-only).
GRANT USAGE ON SCHEMA public TO plenary_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "user", session, account, verification,
  assembly, membership, invitation,
  proposal, proposal_author, doc_update, doc_snapshot,
  dissent_reading
  TO plenary_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON
  assembly_log, ledger_entry,
  dissent, dissent_revision, dissent_withdrawal, dissent_signature,
  dissent_reply, reply_revision, reply_retraction
  TO plenary_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO plenary_app;
