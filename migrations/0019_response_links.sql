CREATE TABLE "response_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"nonce" text NOT NULL,
	"key_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
ALTER TABLE "response_links" ADD CONSTRAINT "response_links_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "response_links_token_hash_idx" ON "response_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "response_links_active_idx" ON "response_links" USING btree ("notice_id","key_id") WHERE "response_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "response_links_notice_idx" ON "response_links" USING btree ("notice_id");