#ifndef CSVRECORDSCAN_H
#define CSVRECORDSCAN_H
// The fused dossier scanner's structural pass: one record at a time, its field boundaries
// taken from a 64-bit mask of the bytes ',', '"', '\n' and '\r' (built 16 bytes at a time with
// SSE2/NEON), so a field costs a bit scan, not a byte loop. It accepts only records it can
// vouch for: every field unquoted or simply quoted ("…" holding no quote and no line break),
// ended by LF or CRLF, with exactly the expected number of fields. Anything else returns -1,
// and the caller reads that record with the general reader (which reports errors).
#include <stdint.h>
#include <string.h>
#include <stddef.h>
// Included at the end of CByteScan.h, whose 16-byte masks it builds on.

/// Where the scan is: the window, and the special bytes of the current 64-byte block not yet
/// visited. Set with cds_csv_seek; advanced by cds_csv_record.
typedef struct {
    const uint8_t *p;
    size_t end;
    size_t block;
    uint64_t bits;
} cds_csv_cursor;

/// The special-byte mask of 64 bytes at p, a byte at a time (the fallback, and the tests' reference).
static inline uint64_t cds_csv_special_mask64_scalar(const uint8_t *p) {
    uint64_t m = 0;
    for (int k = 0; k < 4; k++) m |= (uint64_t)cds_csv_special_mask16_scalar(p + 16 * k) << (16 * k);
    return m;
}

/// Bit k is set when p[k] is ',', '"', '\n' or '\r' (k in 0..<64). Reads 64 bytes at p.
static inline uint64_t cds_csv_special_mask64(const uint8_t *p) {
    uint64_t m = 0;
    for (int k = 0; k < 4; k++) m |= (uint64_t)cds_csv_special_mask16(p + 16 * k) << (16 * k);
    return m;
}

/// The mask of the block at `block`; a block that runs past `end` is read from a padded copy
/// (never past the window), its bits past `end` clear.
static inline uint64_t cds_csv_block_mask(const uint8_t *p, size_t block, size_t end) {
    if (block + 64 <= end) return cds_csv_special_mask64(p + block);
    uint8_t pad[64];
    memset(pad, 0, sizeof pad);
    memcpy(pad, p + block, end - block);
    return cds_csv_special_mask64(pad);
}

/// Starts scanning at offset `at` of the window p[0..<end].
static inline void cds_csv_seek(cds_csv_cursor *c, const uint8_t *p, size_t at, size_t end) {
    c->p = p;
    c->end = end;
    c->block = at;
    c->bits = at < end ? cds_csv_block_mask(p, at, end) : 0;
}

/// Offset of the next special byte, or `end` when there is none.
static inline size_t cds_csv_next(cds_csv_cursor *c) {
    while (c->bits == 0) {
        c->block += 64;
        if (c->block >= c->end) { c->block = c->end; return c->end; }
        c->bits = cds_csv_block_mask(c->p, c->block, c->end);
    }
    size_t i = c->block + (size_t)__builtin_ctzll(c->bits);
    c->bits &= c->bits - 1;
    return i;
}

/// Reads the record starting at `start` (where the cursor stands): `ends[k]` is the offset of
/// the byte that ends field k (its comma, or the record's LF/CR; for a quoted field, the byte
/// after its closing quote), bit k of `*quoted` tells that field k was quoted (k < 64).
/// Returns the offset of the next record, or -1 when the record is not one this scan accepts
/// (the cursor is then undefined: seek again).
static inline long cds_csv_record(cds_csv_cursor *c, size_t start, uint32_t nfields, uint32_t *ends, uint64_t *quoted) {
    const uint8_t *p = c->p;
    size_t fieldStart = start;
    uint64_t q = 0;
    for (uint32_t k = 0; k < nfields; k++) {
        size_t i = cds_csv_next(c);
        if (i >= c->end) return -1;
        uint8_t b = p[i];
        if (b == '"') {
            if (i != fieldStart) return -1;             // a quote inside an unquoted field
            do {                                        // to the closing quote
                i = cds_csv_next(c);
                if (i >= c->end) return -1;
                b = p[i];
                if (b == '\n' || b == '\r') return -1;  // a line break in a quoted field
            } while (b != '"');
            size_t j = cds_csv_next(c);
            if (j != i + 1 || j >= c->end) return -1;   // text after the closing quote
            i = j;
            b = p[i];
            if (b == '"') return -1;                    // a doubled quote
            if (k < 64) q |= 1ull << k;
        }
        ends[k] = (uint32_t)i;
        if (b == ',') {
            if (k + 1 == nfields) return -1;            // too many fields
            fieldStart = i + 1;
            continue;
        }
        if (k + 1 != nfields) return -1;                // too few fields (or a blank line)
        *quoted = q;
        if (b == '\n') return (long)(i + 1);
        if (i + 1 < c->end && p[i + 1] == '\n') {       // CRLF: step over the LF
            cds_csv_next(c);
            return (long)(i + 2);
        }
        return -1;                                      // a lone CR
    }
    return -1;
}

#endif
