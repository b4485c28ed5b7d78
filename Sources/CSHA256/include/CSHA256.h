#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants.
const uint32_t *cds_sha256_k(void);

/// 1 when this CPU has the x86 SHA extensions (and SSSE3, SSE4.1), else 0.
int cds_sha256_hw_available(void);

/// Compresses `blocks` 64-byte blocks into `state` (a..h) with the SHA extensions.
/// Call only when `cds_sha256_hw_available()` returned 1.
void cds_sha256_hw_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// CRC-32C (Castagnoli) of `n` bytes, continuing from `crc` (0 to start): with SSE4.2 where
/// the CPU has it, else slicing-by-8 tables.
uint32_t cds_crc32c(uint32_t crc, const uint8_t *p, size_t n);
/// The table path always (to test it where the hardware path is taken).
uint32_t cds_crc32c_portable(uint32_t crc, const uint8_t *p, size_t n);
/// The chunk of `cds_crc32c_chunked`.
#define CDS_CRC_CHUNK 65536
/// A checksum of `n` bytes made of CRC-32Cs: the CRC-32C of the little-endian CRC-32Cs of each
/// 64 KiB chunk (the last may be shorter). Three chunks are summed at once, so it runs about
/// three times as fast as one CRC-32C over the whole; as strong against corruption of a chunk.
uint32_t cds_crc32c_chunked(const uint8_t *p, size_t n);
/// The same, and with `limit` > 0 whether each 8-byte word of `p` (read as a signed integer)
/// lies within ±limit: *outside gets a non-zero bit when one does not. The check shares the
/// checksum's pass over memory.
uint32_t cds_crc32c_chunked_within(const uint8_t *p, size_t n, uint64_t limit, uint64_t *outside);
/// The same as cds_crc32c_chunked, always with tables.
uint32_t cds_crc32c_chunked_portable(const uint8_t *p, size_t n);
/// 1 when this CPU has SSE4.2's CRC-32C instruction, else 0.
int cds_crc32c_hw_available(void);

#endif
