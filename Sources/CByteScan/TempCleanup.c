#define _GNU_SOURCE   // AT_SYMLINK_FOLLOW
#include "CTempCleanup.h"
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 16
#define PATH_BYTES 4096

static char paths[SLOTS][PATH_BYTES];
static volatile sig_atomic_t used[SLOTS];
static volatile sig_atomic_t installed;

static void on_signal(int signo) {
    for (int i = 0; i < SLOTS; i++) {
        if (used[i]) unlink(paths[i]);
    }
    signal(signo, SIG_DFL);
    raise(signo);   // delivered when the handler returns: the process ends as the signal says
}

static void install(void) {
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL || (old.sa_flags & SA_SIGINFO)) continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    installed = 1;
}

int cds_temp_register(const char *path) {
    size_t n = strlen(path);
    if (n >= PATH_BYTES) return -1;
    if (!installed) install();
    for (int i = 0; i < SLOTS; i++) {
        if (!used[i]) {
            memcpy(paths[i], path, n + 1);
            used[i] = 1;
            return i;
        }
    }
    return -1;
}

void cds_temp_forget(int slot) {
    if (slot >= 0 && slot < SLOTS) used[slot] = 0;
}

int cds_link_unnamed(int fd, const char *path) {
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}
