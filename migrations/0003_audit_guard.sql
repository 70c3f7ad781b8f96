-- The audit trail is append-only: the only change ever allowed is sealing an entry (position and hashes set once).
CREATE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.hash IS NULL AND OLD.position IS NULL AND NEW.hash IS NOT NULL AND NEW.position IS NOT NULL
     AND (NEW.id, NEW.tx_id, NEW.at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.target_type, NEW.target_id, NEW.change, NEW.digest)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.tx_id, OLD.at, OLD.actor_id, OLD.actor_role, OLD.action, OLD.target_type, OLD.target_id, OLD.change, OLD.digest)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_guard BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_guard();
