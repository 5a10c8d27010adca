-- Text updates get a position in their proposal's text (doc_update.seq: 1, 2, 3, … without
-- gaps), handed out by the append from doc_sequence, so that a node holding a text up to n
-- knows, on hearing of n + 2 from another node, that it missed n + 1 and reads it back.
CREATE TABLE "doc_sequence" (
	"proposal_id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "doc_sequence" ADD CONSTRAINT "doc_sequence_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doc_snapshot" ADD COLUMN "through_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "doc_update" ADD COLUMN "seq" bigint;--> statement-breakpoint
-- Existing texts: every update ever appended counts, folded ones included (merged_updates), so
-- the snapshot covers 1 … merged_updates and the rows still in the log follow it in id order.
UPDATE "doc_snapshot" SET "through_seq" = "merged_updates";--> statement-breakpoint
UPDATE "doc_update" u SET "seq" = n.seq
FROM (
	SELECT d.id, coalesce(s.merged_updates, 0) + row_number() OVER (PARTITION BY d.proposal_id ORDER BY d.id) AS seq
	FROM doc_update d LEFT JOIN doc_snapshot s ON s.proposal_id = d.proposal_id
) n
WHERE u.id = n.id;--> statement-breakpoint
ALTER TABLE "doc_update" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
INSERT INTO doc_sequence (proposal_id, last_seq)
SELECT p.id, greatest(coalesce((SELECT max(seq) FROM doc_update d WHERE d.proposal_id = p.id), 0), coalesce(s.through_seq, 0))
FROM proposal p LEFT JOIN doc_snapshot s ON s.proposal_id = p.id;--> statement-breakpoint
DROP INDEX "doc_update_proposal_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "doc_update_proposal_seq_idx" ON "doc_update" USING btree ("proposal_id","seq");--> statement-breakpoint
-- Every proposal has its counter from its first moment, whichever code path inserts it: the
-- append stores nothing for a proposal without one.
CREATE FUNCTION plenary_start_text_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO doc_sequence (proposal_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER proposal_starts_text_sequence AFTER INSERT ON proposal FOR EACH ROW EXECUTE FUNCTION plenary_start_text_sequence();--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON doc_sequence TO plenary_app;
