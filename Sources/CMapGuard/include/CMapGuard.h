#ifndef CMAPGUARD_H
#define CMAPGUARD_H

#include <stddef.h>

/// A guard for files mapped read-only that someone else may cut short (truncate) while they are
/// mapped. Reading a page past the file's new end raises SIGBUS, which by default kills the
/// process. The guard's SIGBUS handler, when the faulting address lies in a registered range,
/// maps anonymous zero pages over the whole range (so the read that faulted, and every later
/// one, reads zeros instead of dying), marks the range damaged and writes a byte to a pipe, so
/// that the run loop wakes up, finds the damage and drops what it read from the range. A SIGBUS
/// outside every range goes to the handler that was there before the guard (the crash guard,
/// the runtime's backtracer, or the default action), exactly as if there were no guard.
/// (Wayland's wl_shm does the same for client pools a client may shrink.)

/// Puts the handler in front of whatever handles SIGBUS now (which becomes the fallback);
/// does nothing when it is already in front. Call again after another handler was installed.
void cds_mapguard_install(void);

/// Registers `length` bytes at `start` (a mapping's start, page-aligned); returns the slot, or
/// -1 when all slots are in use (then the range must not be mapped in place).
int cds_mapguard_add(const void *start, size_t length);

/// Forgets a slot (before its range is unmapped).
void cds_mapguard_remove(int slot);

/// 1 when the handler replaced the slot's range by zero pages (the file was cut short).
int cds_mapguard_damaged(int slot);

/// The read end of the pipe the handler writes to (non-blocking, close-on-exec); -1 before
/// `cds_mapguard_install`.
int cds_mapguard_wake_fd(void);

/// Empties the wake pipe.
void cds_mapguard_drain(void);

#endif
