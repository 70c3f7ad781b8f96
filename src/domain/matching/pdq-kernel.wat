;; The PDQ lookup kernel: one multi-index hashing (MIH) lookup, from the query's 16-bit slices to its matches.
;;
;; `npm run wasm:build` assembles this file into pdq-kernel.wasm and pdq-kernel-wasm.ts (the same bytes, which
;; pdq-wasm.ts instantiates); a test fails when they no longer match this source.
;;
;; What it computes. A PDQ hash is 256 bits, cut into 16 slots of 16 bits. PdqIndex keeps, for every slot, a
;; table from each of the 65,536 slot values (buckets) to the entries having that value there (pdq-mih.ts
;; builds them). By pigeonhole, an entry within 15 bits of the query equals it exactly in at least one slot,
;; and one within 31 bits is at most one bit off in at least one slot. So the kernel:
;;   1. for every slot, looks up the query's own bucket and, when `flips` is 16, the 16 buckets one bit away,
;;      and sums their sizes: the candidate count;
;;   2. returns minus that count when the out area cannot hold it (the caller grows the area and calls again),
;;      else copies the candidates' entry numbers into the out area;
;;   3. measures each candidate's Hamming distance to the query (xor + popcount over four 64-bit words) and
;;      compacts those within `max` to the front of the out area as (entry << 8 | distance).
;; An entry found through several slots is reported once per slot; the caller keeps the best per id.
;;
;; Memory (the caller's, imported; little-endian; constants mirrored in pdq-wasm.ts and pdq-index.ts):
;;   0..31      the query, 8 uint32 words as pdqToWords writes them (QUERY_PTR = 0)
;;   60..63     a sink word that the cache-warming loads are xor-ed into, so they are not optimised away
;;   64..       scratch: the probed buckets' bounds, one (start, end) pair of byte addresses into the postings
;;              per bucket, at most 16 slots * 17 buckets * 8 bytes (all below SCRATCH_BYTES = 4096)
;;   $words     8 uint32 words per entry
;;   $offsets   per slot, 65,537 uint32 bucket bounds (CSR offsets: bucket k holds postings [o[k], o[k+1])),
;;              the slots back to back (OFFSETS_PER_SLOT = 65,537, so 262,148 bytes per slot)
;;   $postings  per slot, $stride bytes of 24-bit little-endian entry numbers (3 per entry), then 4 more
;;              readable bytes, because each entry number is read as a 4-byte load and masked
;;   $out       room for $out_cap uint32 values
;;
;; The loads run ahead of use on purpose (the bank is far larger than the cache): pass 2 first touches every
;; probed bucket, pass 3 first touches a chunk's entries, so that the cache misses overlap instead of
;; queueing one after another.
(module
  (import "env" "memory" (memory 1))

  (func $lookup (export "lookup")
    (param $words i32)    ;; address of entry 0's words
    (param $offsets i32)  ;; address of slot 0's bucket bounds
    (param $postings i32) ;; address of slot 0's postings
    (param $stride i32)   ;; bytes of postings per slot: 3 * the entries in the tables
    (param $flips i32)    ;; 0: probe only the query's own buckets (max <= 15); 16: also their 1-bit neighbours
    (param $max i32)      ;; the largest distance reported
    (param $out i32)      ;; address of the out area
    (param $out_cap i32)  ;; uint32 values the out area holds
    (result i32)          ;; the number of matches, or minus the candidate count when it exceeds $out_cap
    (local $s i32)         ;; slot, 0..15
    (local $key i32)       ;; the query's value in slot $s
    (local $f i32)         ;; the bit flipped in $key, -1 for none
    (local $k i32)         ;; address of the probed bucket's bounds
    (local $p i32)         ;; a cursor: into the postings (pass 2), into the out area (pass 3's touching loop)
    (local $stop i32)      ;; a loop's end: 16 slots (pass 1), a bucket's end (pass 2), the candidates' end (pass 3)
    (local $off_base i32)  ;; slot $s's bucket bounds
    (local $post_base i32) ;; slot $s's postings
    (local $e i32)         ;; a candidate's entry number
    (local $d i32)         ;; its distance to the query
    (local $count i32)     ;; matches written so far
    (local $b i32)         ;; address of the candidate's words
    (local $r i32)         ;; a cursor over the bucket ranges in scratch
    (local $total i32)     ;; the candidate count
    (local $i i32)         ;; a cursor in the out area
    (local $to i32)        ;; the end of the chunk being verified
    (local $acc i32)       ;; xor of the cache-warming loads
    (local $r_end i32)     ;; the end of the bucket ranges in scratch
    (local $q0 i64)        ;; the query's words, in 64-bit pairs
    (local $q1 i64)
    (local $q2 i64)
    (local $q3 i64)

    (local.set $q0 (i64.load (i32.const 0)))
    (local.set $q1 (i64.load offset=8 (i32.const 0)))
    (local.set $q2 (i64.load offset=16 (i32.const 0)))
    (local.set $q3 (i64.load offset=24 (i32.const 0)))

    ;; Pass 1: every probed bucket's bounds, as byte addresses into its slot's postings, from address 64 on;
    ;; $total counts the candidates.
    (local.set $stop (i32.const 16))
    (local.set $r (i32.const 64))
    (block $slots_done
      (loop $next_slot
        (br_if $slots_done (i32.ge_u (local.get $s) (local.get $stop)))
        ;; Slot s is the high (even s) or low (odd s) 16 bits of query word s / 2, as in pdq-mih.ts.
        (local.set $key
          (i32.and
            (i32.shr_u
              (i32.load (i32.shl (i32.shr_u (local.get $s) (i32.const 1)) (i32.const 2)))
              (i32.sub (i32.const 16) (i32.shl (i32.and (local.get $s) (i32.const 1)) (i32.const 4))))
            (i32.const 0xffff)))
        (local.set $off_base (i32.add (local.get $offsets) (i32.mul (local.get $s) (i32.const 262148))))
        (local.set $post_base (i32.add (local.get $postings) (i32.mul (local.get $s) (local.get $stride))))
        ;; f = -1 probes the key itself, f = 0..15 the key with bit f flipped.
        (local.set $f (i32.const -1))
        (block $flips_done
          (loop $next_flip
            (br_if $flips_done (i32.ge_s (local.get $f) (local.get $flips)))
            (local.set $k
              (i32.add
                (i32.shl
                  (select
                    (local.get $key)
                    (i32.xor (local.get $key) (i32.shl (i32.const 1) (local.get $f)))
                    (i32.lt_s (local.get $f) (i32.const 0)))
                  (i32.const 2))
                (local.get $off_base)))
            ;; The bucket's postings run from 3 * o[k] to 3 * o[k + 1] bytes into the slot's postings.
            (i32.store (local.get $r)
              (i32.add (i32.mul (i32.load (local.get $k)) (i32.const 3)) (local.get $post_base)))
            (i32.store offset=4 (local.get $r)
              (i32.add (i32.mul (i32.load offset=4 (local.get $k)) (i32.const 3)) (local.get $post_base)))
            (local.set $total
              (i32.sub
                (i32.add (local.get $total) (i32.load offset=4 (local.get $k)))
                (i32.load (local.get $k))))
            (local.set $r (i32.add (local.get $r) (i32.const 8)))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (br $next_flip)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $next_slot)))
    (local.set $r_end (local.get $r))

    ;; The out area is too small for the candidates: return minus the room needed, having written nothing there.
    (if (i32.gt_u (local.get $total) (local.get $out_cap))
      (then (return (i32.sub (i32.const 0) (local.get $total)))))

    ;; Pass 2: touch the first posting of every probed bucket, so that their cache misses overlap...
    (local.set $r (i32.const 64))
    (block $touched
      (loop $touch_next
        (br_if $touched (i32.ge_u (local.get $r) (local.get $r_end)))
        (local.set $acc (i32.xor (local.get $acc) (i32.load align=1 (i32.load (local.get $r)))))
        (local.set $r (i32.add (local.get $r) (i32.const 8)))
        (br $touch_next)))
    ;; ...then copy the candidates' entry numbers into the out area: 4-byte loads 3 bytes apart, masked to 24 bits.
    (local.set $i (local.get $out))
    (local.set $r (i32.const 64))
    (block $gathered
      (loop $next_bucket
        (br_if $gathered (i32.ge_u (local.get $r) (local.get $r_end)))
        (local.set $p (i32.load (local.get $r)))
        (local.set $stop (i32.load offset=4 (local.get $r)))
        (block $bucket_done
          (loop $next_posting
            (br_if $bucket_done (i32.ge_u (local.get $p) (local.get $stop)))
            (i32.store (local.get $i) (i32.and (i32.load align=1 (local.get $p)) (i32.const 0xffffff)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (local.set $p (i32.add (local.get $p) (i32.const 3)))
            (br $next_posting)))
        (local.set $r (i32.add (local.get $r) (i32.const 8)))
        (br $next_bucket)))

    ;; Pass 3: verify the candidates in chunks of 512 (2048 bytes), small enough that the words touched ahead
    ;; are still in cache when measured. Matches are written over the candidates already read: the write
    ;; cursor ($count) never passes the read cursor ($i).
    (local.set $i (local.get $out))
    (local.set $stop (i32.add (local.get $out) (i32.shl (local.get $total) (i32.const 2))))
    (block $verified
      (loop $next_chunk
        (br_if $verified (i32.ge_u (local.get $i) (local.get $stop)))
        (local.set $to
          (select
            (i32.add (local.get $i) (i32.const 2048))
            (local.get $stop)
            (i32.lt_u (i32.add (local.get $i) (i32.const 2048)) (local.get $stop))))
        ;; Touch every candidate's words in the chunk: independent loads, many misses in flight.
        (local.set $p (local.get $i))
        (block $chunk_touched
          (loop $touch_candidate
            (br_if $chunk_touched (i32.ge_u (local.get $p) (local.get $to)))
            (local.set $acc
              (i32.xor (local.get $acc)
                (i32.load (i32.add (i32.shl (i32.load (local.get $p)) (i32.const 5)) (local.get $words)))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $touch_candidate)))
        ;; Measure them: the Hamming distance is the popcount of query xor entry, 64 bits at a time.
        (block $chunk_done
          (loop $next_candidate
            (br_if $chunk_done (i32.ge_u (local.get $i) (local.get $to)))
            (local.set $b
              (i32.add (i32.shl (local.tee $e (i32.load (local.get $i))) (i32.const 5)) (local.get $words)))
            (if (i32.le_u
                  (local.tee $d
                    (i32.wrap_i64
                      (i64.add
                        (i64.add
                          (i64.add
                            (i64.popcnt (i64.xor (i64.load (local.get $b)) (local.get $q0)))
                            (i64.popcnt (i64.xor (i64.load offset=8 (local.get $b)) (local.get $q1))))
                          (i64.popcnt (i64.xor (i64.load offset=16 (local.get $b)) (local.get $q2))))
                        (i64.popcnt (i64.xor (i64.load offset=24 (local.get $b)) (local.get $q3))))))
                  (local.get $max))
              (then
                (i32.store
                  (i32.add (i32.shl (local.get $count) (i32.const 2)) (local.get $out))
                  (i32.or (i32.shl (local.get $e) (i32.const 8)) (local.get $d)))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $next_candidate)))
        (br $next_chunk)))

    ;; Keep the touching loads observable.
    (i32.store (i32.const 60) (local.get $acc))
    (local.get $count)))
