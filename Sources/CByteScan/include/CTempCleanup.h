#ifndef CTEMPCLEANUP_H
#define CTEMPCLEANUP_H
// Temporary file names removed if the process is stopped by SIGINT, SIGTERM or SIGHUP: the
// handler only unlink()s the registered paths (async-signal-safe) and re-raises the signal with
// its default action. Handlers are installed on the first registration, and only for a signal
// whose disposition is still the default (a program that handles it keeps its own handler).

/// Registers `path` (at most 4095 bytes); a slot for cds_temp_forget, or -1 when none is free.
int cds_temp_register(const char *path);
/// Stops removing the path of `slot` (it was renamed into place, or removed).
void cds_temp_forget(int slot);
/// Links the unnamed file `fd` (O_TMPFILE) at `path` through /proc/self/fd; 0, or -1 with errno.
int cds_link_unnamed(int fd, const char *path);

#endif
