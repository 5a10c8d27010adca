-- The assembly log is the history of membership and steward actions: rows are only ever added.
CREATE OR REPLACE FUNCTION plenary_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assembly_log_append_only BEFORE UPDATE OR DELETE ON assembly_log
  FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assembly_log_no_truncate BEFORE TRUNCATE ON assembly_log
  FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
