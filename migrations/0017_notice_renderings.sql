CREATE TABLE "notice_renderings" (
	"notice_id" uuid NOT NULL,
	"format" text NOT NULL,
	"lang" text NOT NULL,
	"renderer_version" integer NOT NULL,
	"content_type" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_renderings_notice_id_format_lang_renderer_version_pk" PRIMARY KEY("notice_id","format","lang","renderer_version")
);
--> statement-breakpoint
ALTER TABLE "notice_renderings" ADD CONSTRAINT "notice_renderings_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;