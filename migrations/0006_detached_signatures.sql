-- Notices keep their JWS with the payload detached (RFC 7515 Appendix F): the payload is the canonical JSON of
-- the stored content, and the compact JWS is put back together when it is asked for.
UPDATE "notices" SET "signature" = split_part("signature", '.', 1) || '..' || split_part("signature", '.', 3)
WHERE "signature" ~ '^[^.]+\.[^.]+\.[^.]+$';
