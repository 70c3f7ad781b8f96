CREATE TABLE "notice_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"identifiers" jsonb NOT NULL,
	"content_type" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"reference_number" text NOT NULL,
	"report_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"urgency" text NOT NULL,
	"category" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"signature" text NOT NULL,
	"signing_key_id" text NOT NULL,
	"reupload_of" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"year" integer NOT NULL,
	"platform" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "reference_counters_year_platform_pk" PRIMARY KEY("year","platform")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_id_report_items_id_fk" FOREIGN KEY ("id") REFERENCES "public"."report_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_platform_platforms_slug_fk" FOREIGN KEY ("platform") REFERENCES "public"."platforms"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_items_position_idx" ON "notice_items" USING btree ("notice_id","position");--> statement-breakpoint
CREATE INDEX "notice_items_canonical_url_idx" ON "notice_items" USING btree ("canonical_url");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_reference_idx" ON "notices" USING btree ("reference_number");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_seq_idx" ON "notices" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "notices_report_idx" ON "notices" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "notices_platform_seq_idx" ON "notices" USING btree ("platform","seq");--> statement-breakpoint
CREATE INDEX "notices_updated_idx" ON "notices" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "notices_status_idx" ON "notices" USING btree ("status","deadline");