-- better-auth's rate-limit counters move from each process's memory into the database, so that
-- several nodes share one sign-in limit per client address.
CREATE TABLE "rate_limit" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limit_key_unique" UNIQUE("key")
);
--> statement-breakpoint
-- Counters, rewritten on every counted request: the server's role may change them.
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO plenary_app;
