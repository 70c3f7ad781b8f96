-- vPDQ video hashes: a report item's features and a bank entry's features, packed 45 bytes a frame; no compression
-- attempt on them (PDQ bits do not compress), so the index's load reads them straight.
ALTER TABLE "hash_bank_entries" DROP CONSTRAINT "hash_bank_entries_type_valid";--> statement-breakpoint
ALTER TABLE "hash_bank_imports" DROP CONSTRAINT "hash_bank_imports_format_valid";--> statement-breakpoint
ALTER TABLE "report_items" ADD COLUMN "vpdq" "bytea";--> statement-breakpoint
ALTER TABLE "hash_bank_entries" ADD COLUMN "features" "bytea";--> statement-breakpoint
ALTER TABLE "hash_bank_entries" ADD CONSTRAINT "hash_bank_entries_features_vpdq" CHECK (("hash_bank_entries"."type" = 'vpdq') = ("hash_bank_entries"."features" is not null));--> statement-breakpoint
ALTER TABLE "hash_bank_entries" ADD CONSTRAINT "hash_bank_entries_type_valid" CHECK ("hash_bank_entries"."type" in ('sha256', 'md5', 'pdq', 'vpdq'));--> statement-breakpoint
ALTER TABLE "hash_bank_imports" ADD CONSTRAINT "hash_bank_imports_format_valid" CHECK ("hash_bank_imports"."format" in ('csv', 'ndjson', 'vpdq'));--> statement-breakpoint
ALTER TABLE "hash_bank_entries" ALTER COLUMN "features" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "report_items" ALTER COLUMN "vpdq" SET STORAGE EXTERNAL;
