-- Claims canonical URLs for a transaction about to issue notices for them: each URL's advisory lock (class
-- 7310901, keyed by the URL's hash) is taken in one order, so callers cannot deadlock on them, and held until the
-- transaction ends. Then it tells whether any of the URLs is already under an open notice. The function is
-- volatile, so that query takes a fresh snapshot and sees what a transaction that held one of the locks committed.
CREATE FUNCTION "claim_notice_urls"("urls" text[], "open_statuses" text[]) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310901, k) FROM (SELECT DISTINCT hashtext(u) AS k FROM unnest("urls") AS u ORDER BY k) AS keys;
  RETURN EXISTS (
    SELECT 1 FROM "notice_items" i JOIN "notices" n ON n."id" = i."notice_id"
    WHERE i."canonical_url" = ANY ("urls") AND i."outcome" = 'pending' AND n."status" = ANY ("open_statuses")
  );
END
$$;
