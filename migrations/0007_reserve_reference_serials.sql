-- Takes reference serials that a transaction has already printed on its notices: the counter of each
-- (year, platform) must move from first - 1 to first + count - 1, or another transaction took those serials
-- meanwhile and this one must be retried (SQLSTATE 40001). Rows are locked in one order, so callers cannot
-- deadlock on them, and stay locked until the transaction ends, which keeps the serials gap-free.
CREATE FUNCTION "reserve_reference_serials"("requests" jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
  reserved integer;
BEGIN
  FOR r IN
    SELECT * FROM jsonb_to_recordset("requests") AS s("year" integer, "platform" text, "first" integer, "count" integer)
    ORDER BY s."year", s."platform"
  LOOP
    INSERT INTO "reference_counters" AS c ("year", "platform", "last") VALUES (r."year", r."platform", r."count")
    ON CONFLICT ("year", "platform") DO UPDATE SET "last" = c."last" + excluded."last"
    RETURNING "last" INTO reserved;
    IF reserved <> r."first" + r."count" - 1 THEN
      RAISE EXCEPTION 'reference serials %/% from % were taken by another transaction', r."year", r."platform", r."first"
        USING ERRCODE = '40001';
    END IF;
  END LOOP;
END
$$;
