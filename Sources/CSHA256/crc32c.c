// CRC-32C (Castagnoli), for the shared snapshot cache's checksum: the SSE4.2 instruction
// where the CPU has it (several GB/s, so 60 viewers can each check a 10–60 MB cache file in a
// few milliseconds), a table otherwise. Same results on both paths (tested).
#include "CSHA256.h"

#include <pthread.h>

static uint32_t table[8][256];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++)
        for (int s = 1; s < 8; s++) table[s][n] = (table[s - 1][n] >> 8) ^ table[0][table[s - 1][n] & 0xFF];
}

uint32_t cds_crc32c_portable(uint32_t crc, const uint8_t *p, size_t n) {
    pthread_once(&table_once, make_table);
    crc = ~crc;
    while (n >= 8) {   // slicing by 8
        uint64_t v;
        __builtin_memcpy(&v, p, 8);
        v ^= crc;      // little-endian hosts (x86-64, AArch64)
        crc = table[7][v & 0xFF] ^ table[6][(v >> 8) & 0xFF] ^ table[5][(v >> 16) & 0xFF] ^ table[4][(v >> 24) & 0xFF]
            ^ table[3][(v >> 32) & 0xFF] ^ table[2][(v >> 40) & 0xFF] ^ table[1][(v >> 48) & 0xFF] ^ table[0][v >> 56];
        p += 8; n -= 8;
    }
    while (n--) crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xFF];
    return ~crc;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <nmmintrin.h>

int cds_crc32c_hw_available(void) {
    static int known = -1;
    if (known >= 0) return known;
    unsigned a, b, c, d;
    known = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 20)) != 0;   // SSE4.2
    return known;
}

__attribute__((target("sse4.2")))
static uint32_t crc32c_hw(uint32_t crc, const uint8_t *p, size_t n) {
    uint64_t c = ~crc;
    // One stream: 8 bytes per instruction latency (3 cycles), several GB/s.
    while (n >= 8) {
        uint64_t v;
        __builtin_memcpy(&v, p, 8);
        c = _mm_crc32_u64(c, v);
        p += 8; n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n--) c32 = _mm_crc32_u8(c32, *p++);
    return ~c32;
}

uint32_t cds_crc32c(uint32_t crc, const uint8_t *p, size_t n) {
    return cds_crc32c_hw_available() ? crc32c_hw(crc, p, n) : cds_crc32c_portable(crc, p, n);
}

// Three whole chunks at once: three independent dependency chains keep the CRC unit busy
// (one chain waits 3 cycles per instruction).
// With `limit` > 0, also whether every 8-byte word, read as a signed integer, lies within
// ±limit (ORed into *outside): the check rides on the CRC's loads, for free beside the CRC unit.
__attribute__((target("sse4.2")))
static void crc32c_hw_three(const uint8_t *a, const uint8_t *b, const uint8_t *c, uint32_t out[3],
                            uint64_t limit, uint64_t *outside) {
    uint64_t x = 0xFFFFFFFFu, y = 0xFFFFFFFFu, z = 0xFFFFFFFFu, o = 0;
    const uint64_t span = 2 * limit;
    for (size_t k = 0; k < CDS_CRC_CHUNK; k += 8) {
        uint64_t u, v, w;
        __builtin_memcpy(&u, a + k, 8);
        __builtin_memcpy(&v, b + k, 8);
        __builtin_memcpy(&w, c + k, 8);
        x = _mm_crc32_u64(x, u);
        y = _mm_crc32_u64(y, v);
        z = _mm_crc32_u64(z, w);
        o |= (uint64_t)((u + limit) > span) | (uint64_t)((v + limit) > span) | (uint64_t)((w + limit) > span);
    }
    out[0] = ~(uint32_t)x; out[1] = ~(uint32_t)y; out[2] = ~(uint32_t)z;
    if (limit) *outside |= o;
}

uint32_t cds_crc32c_chunked(const uint8_t *p, size_t n) {
    uint64_t outside = 0;
    return cds_crc32c_chunked_within(p, n, 0, &outside);
}

static uint64_t words_outside(const uint8_t *p, size_t n, uint64_t limit) {
    uint64_t o = 0;
    for (size_t k = 0; k + 8 <= n; k += 8) {
        uint64_t u;
        __builtin_memcpy(&u, p + k, 8);
        o |= (uint64_t)((u + limit) > 2 * limit);
    }
    return o;
}

uint32_t cds_crc32c_chunked_within(const uint8_t *p, size_t n, uint64_t limit, uint64_t *outside) {
    if (!cds_crc32c_hw_available()) {
        if (limit) *outside |= words_outside(p, n, limit);
        return cds_crc32c_chunked_portable(p, n);
    }
    uint32_t sums[48];
    size_t have = 0;
    uint32_t top = 0;
    size_t whole = n / CDS_CRC_CHUNK;
    size_t k = 0;
    for (; k + 3 <= whole; k += 3) {
        crc32c_hw_three(p + k * CDS_CRC_CHUNK, p + (k + 1) * CDS_CRC_CHUNK, p + (k + 2) * CDS_CRC_CHUNK, sums + have,
                        limit, outside);
        have += 3;
        if (have == 48) { top = cds_crc32c(top, (const uint8_t *)sums, sizeof sums); have = 0; }
    }
    for (; k * CDS_CRC_CHUNK < n; k++) {
        size_t len = n - k * CDS_CRC_CHUNK < CDS_CRC_CHUNK ? n - k * CDS_CRC_CHUNK : CDS_CRC_CHUNK;
        sums[have++] = cds_crc32c(0, p + k * CDS_CRC_CHUNK, len);
        if (limit) *outside |= words_outside(p + k * CDS_CRC_CHUNK, len, limit);
        if (have == 48) { top = cds_crc32c(top, (const uint8_t *)sums, sizeof sums); have = 0; }
    }
    return cds_crc32c(top, (const uint8_t *)sums, have * 4);
}
#else
int cds_crc32c_hw_available(void) { return 0; }
uint32_t cds_crc32c(uint32_t crc, const uint8_t *p, size_t n) { return cds_crc32c_portable(crc, p, n); }
uint32_t cds_crc32c_chunked(const uint8_t *p, size_t n) { return cds_crc32c_chunked_portable(p, n); }
uint32_t cds_crc32c_chunked_within(const uint8_t *p, size_t n, uint64_t limit, uint64_t *outside) {
    for (size_t k = 0; limit && k + 8 <= n; k += 8) {
        uint64_t u;
        __builtin_memcpy(&u, p + k, 8);
        *outside |= (uint64_t)((u + limit) > 2 * limit);
    }
    return cds_crc32c_chunked_portable(p, n);
}
#endif

uint32_t cds_crc32c_chunked_portable(const uint8_t *p, size_t n) {
    uint32_t top = 0;
    for (size_t at = 0; at < n; at += CDS_CRC_CHUNK) {
        size_t len = n - at < CDS_CRC_CHUNK ? n - at : CDS_CRC_CHUNK;
        uint32_t c = cds_crc32c_portable(0, p + at, len);
        uint8_t le[4] = { (uint8_t)c, (uint8_t)(c >> 8), (uint8_t)(c >> 16), (uint8_t)(c >> 24) };
        top = cds_crc32c_portable(top, le, 4);
    }
    return top;
}
