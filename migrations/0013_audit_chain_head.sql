CREATE TABLE "audit_chain_head" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"position" bigint NOT NULL,
	"hash" text,
	CONSTRAINT "audit_chain_head_singleton" CHECK ("audit_chain_head"."singleton")
);
--> statement-breakpoint
INSERT INTO "audit_chain_head" ("position", "hash")
  SELECT coalesce(max("position"), 0), (SELECT "hash" FROM "audit_entries" WHERE "position" IS NOT NULL ORDER BY "position" DESC LIMIT 1)
  FROM "audit_entries";
--> statement-breakpoint
-- The head only moves forward: positions are never handed out twice, and a deleted tail stays visible as a gap.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.singleton AND NEW.position > OLD.position AND NEW.hash IS NOT NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit chain head only moves forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();
