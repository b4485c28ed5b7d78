// CNcursesw: the C side of cdsboard's terminal edge.
// Wraps what Swift cannot import from ncursesw (function-like macros, A_* attributes,
// mutable C globals that Swift 6 rejects) and holds the async-signal-safe signal handler.
#ifndef CNCURSESW_H
#define CNCURSESW_H

// Without this the wide-character API (cchar_t, setcchar, wget_wch, mvwadd_wch) is hidden.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// --- Signals -----------------------------------------------------------------------------
/// Creates the non-blocking self-pipe and installs handlers for SIGWINCH, SIGTERM, SIGHUP,
/// SIGINT, SIGCONT and SIGPIPE (ignored). Returns the read end, or -1 on failure.
/// The handler only write()s the signal number (one byte) to the pipe.
int cds_signals_install(void);
/// Reads pending signal numbers from the pipe into `out` (at most `cap`). Returns the count.
int cds_signals_drain(unsigned char *out, int cap);
/// Restores default dispositions (used before re-raising SIGTSTP).
void cds_signal_default(int signo);

// --- Crash guard -------------------------------------------------------------------------
/// Saves the terminal's modes, for the crash guard: call before ncurses starts.
void cds_save_terminal_modes(void);
/// Installs handlers for the fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP,
/// SIGSYS) that, in this order: write `restore_sequence` to the terminal (leave the alternate
/// screen, show the cursor, mouse off; "" before the screen is taken), restore the modes saved
/// by `cds_save_terminal_modes` (if saved), note the signal (and the load under way) in
/// `log_fd` (or nowhere, if -1) and in the load's mark, write one line on the terminal (the
/// signal, the load, the hint), point standard error at the log so that the runtime's report
/// is not printed over the screen, and then hand the signal to the handler that was there
/// before (the Swift runtime's backtracer, which then writes to the log) or, for a signal sent
/// from outside, die of it at once. Called again (when the screen is taken), it only replaces
/// the restore sequence and the log.
void cds_crash_guard_install(const char *restore_sequence, int log_fd);
/// Appended to the guard's line on the terminal, e.g. "; details in ~/.local/state/…/cdsboard.log".
void cds_crash_guard_hint(const char *hint);
/// While a load runs: what is loaded (named in the log and on the terminal) and a descriptor
/// where the guard writes "signal N" if this process faults meanwhile (the load's mark);
/// "" and -1 when the load is over.
void cds_crash_guard_loading(const char *what, int mark_fd);
/// While the dashboard owns the screen, standard error goes where the crash guard writes
/// (the log, or nowhere): a runtime message ("Fatal error: …") would otherwise land on the
/// screen. `on` = 0 gives it back.
void cds_quiet_stderr(int on);
/// A terminfo string capability of the current terminal, or "" (after newterm).
const char *cds_terminfo_string(const char *cap);
// --- Terminal size from the kernel -------------------------------------------------------
/// TIOCGWINSZ on `fd`; returns 0 and fills rows/cols on success.
int cds_tty_size(int fd, int *rows, int *cols);

// --- Screen ------------------------------------------------------------------------------
/// newterm() on the given fds; returns NULL when terminfo does not know `term`.
SCREEN *cds_newterm(const char *term, int outfd, int infd);
void cds_screen_configure(int escdelay_ms);
WINDOW *cds_stdscr(void);
int cds_lines(void);
int cds_cols(void);
int cds_colors(void);
int cds_color_pairs(void);
int cds_can_change_color(void);

// --- Attributes (A_* are macros Swift cannot import) ------------------------------------
attr_t cds_attr_normal(void);
attr_t cds_attr_bold(void);
attr_t cds_attr_reverse(void);
attr_t cds_attr_underline(void);
attr_t cds_attr_dim(void);

int cds_init_pair(int pair, int fg, int bg);

/// Puts one grapheme (up to 8 wide chars: base + combining marks) at y,x.
int cds_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, int count, attr_t attrs, int pair);
/// wget_wch: returns OK, KEY_CODE_YES or ERR, and the key in *out.
int cds_get_wch(WINDOW *win, unsigned int *out);
/// mouse on/off; returns the old mask
void cds_mouse(int on);
/// decodes the last KEY_MOUSE event: returns 0 on success
int cds_get_mouse(int *y, int *x, unsigned long *bstate);
unsigned long cds_button1_clicked(void);
unsigned long cds_button1_double_clicked(void);

// --- Pseudo-terminals (for the benchmark's byte counts) ----------------------------------
/// Starts `argv[0]` on a new pty of rows × cols with the environment `envp`; returns the child
/// pid and the master side in *master, or -1.
int cds_spawn_on_pty(char *const argv[], char *const envp[], int rows, int cols, int *master);

// --- Memory ------------------------------------------------------------------------------
/// Limits glibc to one malloc arena: loader threads then allocate from the main heap, which
/// `cds_trim_heap` gives back after each swap. With two arenas the kiosk's RSS swung by 4–6 MB
/// between swaps (soak: 41.0–45.1 MB over 20,000 frames); with one, 0.5 MB (40.6–41.0 MB).
/// The hot loops allocate nothing, so the shared arena lock costs nothing measurable.
void cds_limit_malloc_arenas(void);
/// Gives freed heap memory back to the system (after a snapshot swap).
void cds_trim_heap(void);
/// Bytes of heap allocated and not freed (benchmarks: what a snapshot takes).
size_t cds_heap_in_use(void);

#endif
