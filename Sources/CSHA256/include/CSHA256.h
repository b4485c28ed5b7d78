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

#endif
