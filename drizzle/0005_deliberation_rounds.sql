CREATE TABLE "assembly_decision_settings" (
	"assembly_id" text PRIMARY KEY NOT NULL,
	"rule" jsonb NOT NULL,
	"reopen_signatures" integer DEFAULT 2 NOT NULL,
	"affectedness_guidance" jsonb NOT NULL,
	"default_deadline_hours" integer DEFAULT 72 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"round" integer NOT NULL,
	"version_id" text NOT NULL,
	"rule" jsonb NOT NULL,
	"eligible_ids" jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_closing" (
	"decision_id" text PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"tally" jsonb NOT NULL,
	"reason" text NOT NULL,
	"closed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_transition" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"round" integer NOT NULL,
	"transition" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_version" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"round" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"yjs_state" "bytea" NOT NULL,
	"pm_json" jsonb NOT NULL,
	"text_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reopen_motion" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"round" integer NOT NULL,
	"mover_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reopen_motion_signature" (
	"motion_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reopen_motion_signature_motion_id_user_id_pk" PRIMARY KEY("motion_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "stance" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"user_id" text NOT NULL,
	"choice" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"affectedness" integer NOT NULL,
	"version_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposal" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "assembly_decision_settings" ADD CONSTRAINT "assembly_decision_settings_assembly_id_assembly_id_fk" FOREIGN KEY ("assembly_id") REFERENCES "public"."assembly"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_version_id_proposal_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."proposal_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_closing" ADD CONSTRAINT "decision_closing_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_closing" ADD CONSTRAINT "decision_closing_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_transition" ADD CONSTRAINT "proposal_transition_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_transition" ADD CONSTRAINT "proposal_transition_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reopen_motion" ADD CONSTRAINT "reopen_motion_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reopen_motion" ADD CONSTRAINT "reopen_motion_mover_id_user_id_fk" FOREIGN KEY ("mover_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reopen_motion_signature" ADD CONSTRAINT "reopen_motion_signature_motion_id_reopen_motion_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."reopen_motion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reopen_motion_signature" ADD CONSTRAINT "reopen_motion_signature_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stance" ADD CONSTRAINT "stance_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stance" ADD CONSTRAINT "stance_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stance" ADD CONSTRAINT "stance_version_id_proposal_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."proposal_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_proposal_idx" ON "decision" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "decision_deadline_idx" ON "decision" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "proposal_transition_proposal_idx" ON "proposal_transition" USING btree ("proposal_id","id");--> statement-breakpoint
CREATE INDEX "proposal_version_proposal_idx" ON "proposal_version" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "reopen_motion_proposal_idx" ON "reopen_motion" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "stance_decision_idx" ON "stance" USING btree ("decision_id","id");--> statement-breakpoint
-- The record of rounds is append-only like the dissents (promise 5): status changes, versions,
-- decisions and their closing, stances, motions and their signatures.
CREATE TRIGGER proposal_transition_append_only BEFORE UPDATE OR DELETE ON proposal_transition FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER proposal_transition_no_truncate BEFORE TRUNCATE ON proposal_transition FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER proposal_version_append_only BEFORE UPDATE OR DELETE ON proposal_version FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER proposal_version_no_truncate BEFORE TRUNCATE ON proposal_version FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_closing_append_only BEFORE UPDATE OR DELETE ON decision_closing FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_closing_no_truncate BEFORE TRUNCATE ON decision_closing FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stance_append_only BEFORE UPDATE OR DELETE ON stance FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stance_no_truncate BEFORE TRUNCATE ON stance FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reopen_motion_append_only BEFORE UPDATE OR DELETE ON reopen_motion FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reopen_motion_no_truncate BEFORE TRUNCATE ON reopen_motion FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reopen_motion_signature_append_only BEFORE UPDATE OR DELETE ON reopen_motion_signature FOR EACH ROW EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
CREATE TRIGGER reopen_motion_signature_no_truncate BEFORE TRUNCATE ON reopen_motion_signature FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_change();
--> statement-breakpoint
-- What the server's role may do with them (see 0004: no default privileges, on purpose).
GRANT SELECT, INSERT ON
  proposal_transition, proposal_version, decision, decision_closing,
  stance, reopen_motion, reopen_motion_signature
  TO plenary_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON assembly_decision_settings TO plenary_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO plenary_app;
