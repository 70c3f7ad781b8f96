-- The canonical URLs under open notices, one row each. Issuing claims a report's URLs here first (sorted, with
-- ON CONFLICT telling which are already covered), before it takes any reference counter; the notices the rows
-- point to are inserted later in the same transaction, so the foreign keys are checked at commit.
CREATE TABLE "open_notice_urls" (
	"canonical_url" text PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"notice_item_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open_notice_urls" ADD CONSTRAINT "open_notice_urls_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "open_notice_urls" ADD CONSTRAINT "open_notice_urls_notice_item_id_notice_items_id_fk" FOREIGN KEY ("notice_item_id") REFERENCES "public"."notice_items"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX "open_notice_urls_notice_idx" ON "open_notice_urls" USING btree ("notice_id");--> statement-breakpoint
-- Items still pending under a notice in an open status (OPEN_STATUSES in src/use-cases/reupload-check.ts); the
-- earliest notice wins should two ever cover one URL.
INSERT INTO "open_notice_urls" ("canonical_url", "notice_id", "notice_item_id")
SELECT DISTINCT ON (i."canonical_url") i."canonical_url", i."notice_id", i."id"
FROM "notice_items" i JOIN "notices" n ON n."id" = i."notice_id"
WHERE i."outcome" = 'pending'
  AND n."status" IN ('issued', 'delivered', 'acknowledged', 'partially_removed', 'rejected', 'cannot_comply', 'overdue', 'escalated')
ORDER BY i."canonical_url", n."seq";--> statement-breakpoint
-- Predicted serials and advisory-lock URL claims are gone with the issuing design that used them.
DROP FUNCTION "claim_notice_urls"(text[], text[]);--> statement-breakpoint
DROP FUNCTION "reserve_reference_serials"(jsonb);
