CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"platform" text,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "clients_role_valid" CHECK ("clients"."role" in ('authority', 'liaison', 'auditor', 'admin')),
	CONSTRAINT "clients_platform_iff_liaison" CHECK (("clients"."role" = 'liaison') = ("clients"."platform" is not null))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"client_id" uuid NOT NULL,
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" text NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key"),
	CONSTRAINT "idempotency_state_valid" CHECK ("idempotency_keys"."state" in ('running', 'done'))
);
--> statement-breakpoint
CREATE TABLE "legal_bases" (
	"id" text PRIMARY KEY NOT NULL,
	"citation" text NOT NULL,
	"title" jsonb NOT NULL,
	"text" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_entity" jsonb NOT NULL,
	"legal_representative" jsonb,
	"hosts" text[] NOT NULL,
	"url_patterns" text[] NOT NULL,
	"channels" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"deadline_normal_hours" integer DEFAULT 24 NOT NULL,
	"deadline_urgent_hours" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platforms_deadlines_positive" CHECK ("platforms"."deadline_normal_hours" > 0 and "platforms"."deadline_urgent_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"platform" text NOT NULL,
	"identifiers" jsonb NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text,
	"md5" text,
	"pdq" text,
	"captured_at" timestamp with time zone,
	"evidence_ref" text
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"client_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"category" text NOT NULL,
	"legal_basis" text NOT NULL,
	"statement_of_reasons" text NOT NULL,
	"urgency" text NOT NULL,
	"territorial_scope" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_platform_platforms_slug_fk" FOREIGN KEY ("platform") REFERENCES "public"."platforms"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_platform_platforms_slug_fk" FOREIGN KEY ("platform") REFERENCES "public"."platforms"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_legal_basis_legal_bases_id_fk" FOREIGN KEY ("legal_basis") REFERENCES "public"."legal_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clients_key_hash_idx" ON "clients" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_key_prefix_idx" ON "clients" USING btree ("key_prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_seq_idx" ON "clients" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_items_position_idx" ON "report_items" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "report_items_canonical_url_idx" ON "report_items" USING btree ("canonical_url");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_seq_idx" ON "reports" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "reports_external_ref_idx" ON "reports" USING btree ("external_ref","seq");--> statement-breakpoint
CREATE INDEX "reports_category_idx" ON "reports" USING btree ("category","seq");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("created_at");