CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"position" bigint,
	"tx_id" bigint DEFAULT pg_current_xact_id()::text::bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"change" jsonb NOT NULL,
	"digest" text NOT NULL,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "blocking_order_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"notice_item_id" uuid NOT NULL,
	"block_type" text NOT NULL,
	"value" text NOT NULL,
	"included_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "blocking_order_entries_type_valid" CHECK ("blocking_order_entries"."block_type" in ('url', 'domain', 'ip'))
);
--> statement-breakpoint
CREATE TABLE "blocking_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"decision_number" text NOT NULL,
	"notice_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"issuing_body" text NOT NULL,
	"urgency" text NOT NULL,
	"status" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blocking_orders_status_valid" CHECK ("blocking_orders"."status" in ('active', 'lifted'))
);
--> statement-breakpoint
CREATE TABLE "notice_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"position" bigint,
	"tx_id" bigint DEFAULT pg_current_xact_id()::text::bigint NOT NULL,
	"notice_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"type" text NOT NULL,
	"action" text,
	"from_status" text,
	"to_status" text NOT NULL,
	"version" integer NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"reason" text,
	"detail" text,
	"note" text,
	"items" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blocking_order_entries" ADD CONSTRAINT "blocking_order_entries_order_id_blocking_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."blocking_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocking_order_entries" ADD CONSTRAINT "blocking_order_entries_notice_item_id_notice_items_id_fk" FOREIGN KEY ("notice_item_id") REFERENCES "public"."notice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocking_orders" ADD CONSTRAINT "blocking_orders_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_events" ADD CONSTRAINT "notice_events_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_entries_position_idx" ON "audit_entries" USING btree ("position");--> statement-breakpoint
CREATE INDEX "audit_entries_unsealed_idx" ON "audit_entries" USING btree ("tx_id","id") WHERE "audit_entries"."position" is null;--> statement-breakpoint
CREATE INDEX "blocking_order_entries_order_idx" ON "blocking_order_entries" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "blocking_orders_decision_idx" ON "blocking_orders" USING btree ("decision_number");--> statement-breakpoint
CREATE UNIQUE INDEX "blocking_orders_seq_idx" ON "blocking_orders" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "blocking_orders_notice_idx" ON "blocking_orders" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "blocking_orders_updated_idx" ON "blocking_orders" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_events_position_idx" ON "notice_events" USING btree ("position");--> statement-breakpoint
CREATE INDEX "notice_events_platform_position_idx" ON "notice_events" USING btree ("platform","position");--> statement-breakpoint
CREATE INDEX "notice_events_notice_idx" ON "notice_events" USING btree ("notice_id","id");--> statement-breakpoint
CREATE INDEX "notice_events_unsequenced_idx" ON "notice_events" USING btree ("tx_id","id") WHERE "notice_events"."position" is null;