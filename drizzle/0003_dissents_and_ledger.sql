CREATE TABLE "dissent" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"author_id" text NOT NULL,
	"anchor_start" "bytea",
	"anchor_end" "bytea",
	"quote_exact" text,
	"quote_prefix" text,
	"quote_suffix" text,
	"anchored_text_state" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissent_reading" (
	"proposal_id" text NOT NULL,
	"user_id" text NOT NULL,
	"seen_seq" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dissent_reading_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dissent_reply" (
	"id" text PRIMARY KEY NOT NULL,
	"dissent_id" text NOT NULL,
	"parent_reply_id" text,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissent_revision" (
	"dissent_id" text NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"alternative_wording" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dissent_revision_dissent_id_revision_pk" PRIMARY KEY("dissent_id","revision")
);
--> statement-breakpoint
CREATE TABLE "dissent_signature" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dissent_id" text NOT NULL,
	"user_id" text NOT NULL,
	"action" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissent_withdrawal" (
	"dissent_id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"proposal_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"entry" jsonb NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entry_proposal_id_seq_pk" PRIMARY KEY("proposal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "reply_retraction" (
	"reply_id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_revision" (
	"reply_id" text NOT NULL,
	"revision" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_revision_reply_id_revision_pk" PRIMARY KEY("reply_id","revision")
);
--> statement-breakpoint
ALTER TABLE "dissent" ADD CONSTRAINT "dissent_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent" ADD CONSTRAINT "dissent_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_reading" ADD CONSTRAINT "dissent_reading_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_reading" ADD CONSTRAINT "dissent_reading_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_reply" ADD CONSTRAINT "dissent_reply_dissent_id_dissent_id_fk" FOREIGN KEY ("dissent_id") REFERENCES "public"."dissent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_reply" ADD CONSTRAINT "dissent_reply_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_revision" ADD CONSTRAINT "dissent_revision_dissent_id_dissent_id_fk" FOREIGN KEY ("dissent_id") REFERENCES "public"."dissent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_signature" ADD CONSTRAINT "dissent_signature_dissent_id_dissent_id_fk" FOREIGN KEY ("dissent_id") REFERENCES "public"."dissent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_signature" ADD CONSTRAINT "dissent_signature_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissent_withdrawal" ADD CONSTRAINT "dissent_withdrawal_dissent_id_dissent_id_fk" FOREIGN KEY ("dissent_id") REFERENCES "public"."dissent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_retraction" ADD CONSTRAINT "reply_retraction_reply_id_dissent_reply_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."dissent_reply"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_revision" ADD CONSTRAINT "reply_revision_reply_id_dissent_reply_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."dissent_reply"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dissent_proposal_idx" ON "dissent" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "dissent_reply_dissent_idx" ON "dissent_reply" USING btree ("dissent_id","created_at");--> statement-breakpoint
CREATE INDEX "dissent_signature_dissent_idx" ON "dissent_signature" USING btree ("dissent_id","id");