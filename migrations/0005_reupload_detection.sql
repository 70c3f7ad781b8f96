ALTER TABLE "report_items" ADD COLUMN "duplicate_of" jsonb;--> statement-breakpoint
ALTER TABLE "report_items" ADD COLUMN "reupload" jsonb;--> statement-breakpoint
CREATE INDEX "blocking_order_entries_included_idx" ON "blocking_order_entries" USING btree ("included_at");--> statement-breakpoint
CREATE INDEX "blocking_order_entries_lifted_idx" ON "blocking_order_entries" USING btree ("lifted_at");--> statement-breakpoint
CREATE INDEX "blocking_orders_platform_seq_idx" ON "blocking_orders" USING btree ("platform","seq");--> statement-breakpoint
CREATE INDEX "notices_platform_issued_idx" ON "notices" USING btree ("platform","issued_at");--> statement-breakpoint
CREATE INDEX "notices_deadline_idx" ON "notices" USING btree ("deadline");