CREATE SEQUENCE "public"."hash_bank_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "hash_bank_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"quality" integer,
	"notice_id" uuid,
	"notice_item_id" uuid,
	"category" text,
	"platform" text,
	"source" text NOT NULL,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"import_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" uuid,
	"retire_reason" text,
	"tx_id" bigint DEFAULT pg_current_xact_id()::text::bigint NOT NULL,
	"change_id" bigint DEFAULT nextval('hash_bank_change_seq') NOT NULL,
	CONSTRAINT "hash_bank_entries_identity" UNIQUE NULLS NOT DISTINCT("type","value","source","notice_id","notice_item_id"),
	CONSTRAINT "hash_bank_entries_type_valid" CHECK ("hash_bank_entries"."type" in ('sha256', 'md5', 'pdq')),
	CONSTRAINT "hash_bank_entries_value_hex" CHECK ("hash_bank_entries"."value" ~ '^[0-9a-f]+$' and length("hash_bank_entries"."value") = case "hash_bank_entries"."type" when 'md5' then 32 else 64 end),
	CONSTRAINT "hash_bank_entries_quality_range" CHECK ("hash_bank_entries"."quality" is null or ("hash_bank_entries"."type" = 'pdq' and "hash_bank_entries"."quality" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "hash_bank_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"mode" text NOT NULL,
	"category" text,
	"lines" integer NOT NULL,
	"accepted" integer NOT NULL,
	"added" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"rejected" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hash_bank_imports_format_valid" CHECK ("hash_bank_imports"."format" in ('csv', 'ndjson')),
	CONSTRAINT "hash_bank_imports_mode_valid" CHECK ("hash_bank_imports"."mode" in ('lenient', 'strict'))
);
--> statement-breakpoint
ALTER TABLE "hash_bank_entries" ADD CONSTRAINT "hash_bank_entries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hash_bank_entries" ADD CONSTRAINT "hash_bank_entries_notice_item_id_notice_items_id_fk" FOREIGN KEY ("notice_item_id") REFERENCES "public"."notice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hash_bank_entries_seq_idx" ON "hash_bank_entries" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "hash_bank_entries_feed_idx" ON "hash_bank_entries" USING btree ("tx_id","change_id");--> statement-breakpoint
CREATE INDEX "hash_bank_entries_notice_idx" ON "hash_bank_entries" USING btree ("notice_id") WHERE "hash_bank_entries"."notice_id" is not null;--> statement-breakpoint
CREATE INDEX "hash_bank_imports_name_idx" ON "hash_bank_imports" USING btree ("name","created_at");