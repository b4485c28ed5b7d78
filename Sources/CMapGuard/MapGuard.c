#define _GNU_SOURCE
#include "CMapGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// A viewer maps one entry per snapshot it holds (the one shown, the one replacing it: its
// former provinces lie in the same entry); a test process holds many at once. 256 slots (6 KB);
// when they are all in use the entry is read without the cache rather than mapped unguarded.
#define CDS_MAPGUARD_SLOTS 256

// The handler reads these without a lock: the start is stored last when adding and cleared
// first when removing, so it never pairs a start with another range's length.
static struct {
    _Atomic(uintptr_t) start;
    _Atomic(size_t) length;
    atomic_int damaged;
} cds_slots[CDS_MAPGUARD_SLOTS];

static pthread_mutex_t cds_mapguard_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sigaction cds_previous;
static atomic_int cds_wake_read = -1;
static atomic_int cds_wake_write = -1;

static void cds_on_sigbus(int signo, siginfo_t *info, void *context) {
    (void)context;
    int saved = errno;
    // si_code > 0: raised by a fault (BUS_ADRERR for a page past the end of a file), not sent.
    if (info != NULL && info->si_code > 0) {
        uintptr_t at = (uintptr_t)info->si_addr;
        for (int k = 0; k < CDS_MAPGUARD_SLOTS; k++) {
            uintptr_t start = atomic_load(&cds_slots[k].start);
            size_t length = atomic_load(&cds_slots[k].length);
            if (start == 0 || at < start || at - start >= length) continue;
            // mmap is a plain system call on Linux, safe here; MAP_FIXED replaces the file's
            // pages in one step, so no other thread sees the range unmapped.
            void *p = mmap((void *)start, length, PROT_READ, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) break;
            atomic_store(&cds_slots[k].damaged, 1);
            int w = atomic_load(&cds_wake_write);
            if (w >= 0) { char b = 1; ssize_t r = write(w, &b, 1); (void)r; }
            errno = saved;
            return;   // the faulting read runs again and reads a zero
        }
    }
    // Not ours: the handler from before takes it. A fault happens again when this returns;
    // a signal sent from outside is sent again.
    sigaction(signo, &cds_previous, NULL);
    if (info == NULL || info->si_code <= 0) raise(signo);
    errno = saved;
}

void cds_mapguard_install(void) {
    pthread_mutex_lock(&cds_mapguard_lock);
    if (atomic_load(&cds_wake_read) < 0) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
            atomic_store(&cds_wake_write, fds[1]);
            atomic_store(&cds_wake_read, fds[0]);
        }
    }
    struct sigaction now;
    if (sigaction(SIGBUS, NULL, &now) == 0 && !((now.sa_flags & SA_SIGINFO) && now.sa_sigaction == cds_on_sigbus)) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = cds_on_sigbus;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
        sigaction(SIGBUS, &sa, &cds_previous);
    }
    pthread_mutex_unlock(&cds_mapguard_lock);
}

int cds_mapguard_add(const void *start, size_t length) {
    if (start == NULL || length == 0) return -1;
    int slot = -1;
    pthread_mutex_lock(&cds_mapguard_lock);
    for (int k = 0; k < CDS_MAPGUARD_SLOTS; k++) {
        if (atomic_load(&cds_slots[k].start) != 0) continue;
        atomic_store(&cds_slots[k].damaged, 0);
        atomic_store(&cds_slots[k].length, length);
        atomic_store(&cds_slots[k].start, (uintptr_t)start);
        slot = k;
        break;
    }
    pthread_mutex_unlock(&cds_mapguard_lock);
    return slot;
}

void cds_mapguard_remove(int slot) {
    if (slot < 0 || slot >= CDS_MAPGUARD_SLOTS) return;
    pthread_mutex_lock(&cds_mapguard_lock);
    atomic_store(&cds_slots[slot].start, 0);
    atomic_store(&cds_slots[slot].length, 0);
    pthread_mutex_unlock(&cds_mapguard_lock);
}

int cds_mapguard_damaged(int slot) {
    if (slot < 0 || slot >= CDS_MAPGUARD_SLOTS) return 0;
    return atomic_load(&cds_slots[slot].damaged);
}

int cds_mapguard_wake_fd(void) { return atomic_load(&cds_wake_read); }

void cds_mapguard_drain(void) {
    int r = atomic_load(&cds_wake_read);
    if (r < 0) return;
    char buf[64];
    while (read(r, buf, sizeof buf) > 0) {}
}
