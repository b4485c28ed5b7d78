#ifndef CBYTESCAN_H
#define CBYTESCAN_H
// Byte-scanning primitives for the CSV reader, as static inline functions so that Swift
// inlines them into its loops. Swift has no portable "move mask" from a SIMD comparison to an
// integer, which is what makes a 16-bytes-at-a-time scan pay; SSE2 (every x86-64) and NEON
// (every AArch64) have it, and a scalar fallback covers the rest.
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif
#include <stddef.h>

/// Zeroed memory for a large table that is probed at random: 2 MB aligned and marked for
/// transparent huge pages, so that a probe costs a cache miss and not also a TLB miss.
/// NULL on failure. Free with cds_free_table(p, bytes).
void *cds_alloc_table(size_t bytes);
void cds_free_table(void *p, size_t bytes);

/// A new file in `directory` that has no name (Linux's O_TMPFILE), so nothing is left behind
/// whatever happens to the process; -1 with errno where the system or filesystem has none.
int cds_open_unnamed(const char *directory);
// Temporary names removed on SIGINT/SIGTERM/SIGHUP, and the link of an unnamed file.
#include "CTempCleanup.h"

/// cds_csv_special_mask16 a byte at a time: the fallback where there is no SIMD, and what
/// tests compare the SIMD version with.
static inline uint32_t cds_csv_special_mask16_scalar(const uint8_t *p) {
    uint32_t m = 0;
    for (int k = 0; k < 16; k++) {
        uint8_t b = p[k];
        if (b == ',' || b == '"' || b == '\n' || b == '\r') m |= 1u << k;
    }
    return m;
}

/// cds_quote_newline_mask16 a byte at a time (the fallback, and the tests' reference).
static inline uint32_t cds_quote_newline_mask16_scalar(const uint8_t *p) {
    uint32_t m = 0;
    for (int k = 0; k < 16; k++) {
        if (p[k] == '"') m |= 1u << k;
        if (p[k] == '\n') m |= 1u << (k + 16);
    }
    return m;
}

/// Bit k is set when p[k] is ',', '"', '\n' or '\r' (k in 0..<16). Reads 16 bytes at p.
static inline uint32_t cds_csv_special_mask16(const uint8_t *p) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    return (uint32_t)_mm_movemask_epi8(m);
#elif defined(__ARM_NEON)
    uint8x16_t v = vld1q_u8(p);
    uint8x16_t m = vorrq_u8(vorrq_u8(vceqq_u8(v, vdupq_n_u8(',')), vceqq_u8(v, vdupq_n_u8('"'))),
                            vorrq_u8(vceqq_u8(v, vdupq_n_u8('\n')), vceqq_u8(v, vdupq_n_u8('\r'))));
    static const uint8_t bits[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    uint8x16_t b = vandq_u8(m, vld1q_u8(bits));
    return (uint32_t)vaddv_u8(vget_low_u8(b)) | ((uint32_t)vaddv_u8(vget_high_u8(b)) << 8);
#else
    return cds_csv_special_mask16_scalar(p);
#endif
}

/// Bits 0–15: where p[k] is '"'; bits 16–31: where p[k] is '\n'. Reads 16 bytes at p.
static inline uint32_t cds_quote_newline_mask16(const uint8_t *p) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    uint32_t q = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    uint32_t n = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    return q | (n << 16);
#else
    return cds_quote_newline_mask16_scalar(p);
#endif
}

/// Asks the CPU to start loading the cache line at p (no effect on results).
static inline void cds_prefetch(const void *p) { __builtin_prefetch(p, 1, 1); }

/// Inserts v (never 0) into an open-addressing table shared by threads, starting at slot i.
/// Returns 1 when inserted, 0 when v was there already, -1 when `limit` slots were probed
/// without finding room (the table is too full).
static inline int cds_concurrent_insert64(uint64_t *table, uint64_t n, uint64_t i, uint64_t v, int limit) {
    for (int probes = 0; probes < limit; probes++) {
        uint64_t cur = __atomic_load_n(&table[i], __ATOMIC_RELAXED);
        if (cur == v) return 0;
        if (cur == 0) {
            uint64_t expected = 0;
            if (__atomic_compare_exchange_n(&table[i], &expected, v, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return 1;
            if (expected == v) return 0;
        }
        i = i + 1 == n ? 0 : i + 1;
    }
    return -1;
}

#include "CSVRecordScan.h"

#endif
