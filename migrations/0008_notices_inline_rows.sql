-- A notice row is about 2.5 KB, just over the size at which PostgreSQL starts compressing a row's largest values,
-- so every notice written paid a pglz pass over its content (5% of the database's time on report intake). Rows
-- up to a page stay inline and uncompressed; the content is still read back whole with the notice.
ALTER TABLE "notices" SET (toast_tuple_target = 8160);
