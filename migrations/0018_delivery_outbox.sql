CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" bigint NOT NULL,
	"notice_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"endpoint_id" uuid,
	"event_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_channel_valid" CHECK ("deliveries"."channel" in ('email', 'webhook')),
	CONSTRAINT "deliveries_status_valid" CHECK ("deliveries"."status" in ('pending', 'delivered', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"status_code" integer,
	"error" text,
	"response" text,
	"duration_ms" integer,
	CONSTRAINT "delivery_attempts_outcome_valid" CHECK ("delivery_attempts"."outcome" in ('delivered', 'retry', 'failed', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"client_id" uuid NOT NULL,
	"platform" text,
	"platforms" text[],
	"url" text NOT NULL,
	"description" text,
	"event_types" text[] NOT NULL,
	"secrets" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_event_id_notice_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."notice_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_platform_platforms_slug_fk" FOREIGN KEY ("platform") REFERENCES "public"."platforms"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_delivery_id_idx" ON "deliveries" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at","id") WHERE "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "deliveries_target_notice_idx" ON "deliveries" USING btree ("target","notice_id","id") WHERE "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "deliveries_notice_idx" ON "deliveries" USING btree ("notice_id","id");--> statement-breakpoint
CREATE INDEX "delivery_attempts_delivery_idx" ON "delivery_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_endpoints_seq_idx" ON "webhook_endpoints" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_client_idx" ON "webhook_endpoints" USING btree ("client_id");--> statement-breakpoint
-- The outbox is filled in the transaction that commits the events: whatever path writes notice events (intake,
-- transitions, reads that deliver, deadline sweeps), their deliveries commit with them or not at all.
-- Webhook event types are the events' own names: notice.created, then notice.<action>.
-- E-mail goes to the platform's notice address for what the platform must hear of: issue, clarify, withdraw, escalate.
CREATE FUNCTION deliveries_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO deliveries (event_id, notice_id, platform, channel, target, endpoint_id, event_type)
  SELECT e.event_id, e.notice_id, e.platform, 'webhook', 'webhook:' || w.id, w.id, e.event_type
  FROM (SELECT id AS event_id, notice_id, platform,
               CASE WHEN action IS NULL THEN type ELSE 'notice.' || action END AS event_type
        FROM new_events) e
  JOIN webhook_endpoints w
    ON w.enabled AND w.deleted_at IS NULL
   AND (w.platform = e.platform OR (w.platform IS NULL AND (w.platforms IS NULL OR e.platform = ANY (w.platforms))))
   AND ('*' = ANY (w.event_types) OR e.event_type = ANY (w.event_types))
  UNION ALL
  SELECT e.id, e.notice_id, e.platform, 'email', 'email:' || e.platform, NULL,
         CASE WHEN e.action IS NULL THEN e.type ELSE 'notice.' || e.action END
  FROM new_events e
  JOIN platforms p ON p.slug = e.platform
  WHERE coalesce(p.channels ->> 'email', '') <> ''
    AND (e.type = 'notice.created' OR e.action IN ('clarify', 'withdraw', 'escalate'))
  ORDER BY 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER deliveries_from_events AFTER INSERT ON notice_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION deliveries_from_events();
