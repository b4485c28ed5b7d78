#define _GNU_SOURCE   // O_TMPFILE
#include <errno.h>
#include <fcntl.h>
#include "CByteScan.h"
#include <stdint.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)

static size_t rounded(size_t bytes) { return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1); }

void *cds_alloc_table(size_t bytes) {
    size_t size = rounded(bytes);
    uint8_t *raw = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    size_t head = start - (uintptr_t)raw;
    if (head) munmap(raw, head);
    size_t tail = HUGE_PAGE - head;
    if (tail) munmap((uint8_t *)start + size, tail);
#ifdef MADV_HUGEPAGE
    madvise((void *)start, size, MADV_HUGEPAGE);
#endif
    return (void *)start;
}

void cds_free_table(void *p, size_t bytes) {
    if (p) munmap(p, rounded(bytes));
}

int cds_open_unnamed(const char *directory) {
#ifdef O_TMPFILE
    return open(directory, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#else
    errno = EOPNOTSUPP;
    return -1;
#endif
}
