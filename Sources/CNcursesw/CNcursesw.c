#include "CNcursesw.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <pty.h>
#include <malloc.h>

// The only global mutable state of cdsboard: the self-pipe's descriptors.
static volatile sig_atomic_t cds_pipe_write_fd = -1;
static int cds_pipe_read_fd = -1;

static void cds_on_signal(int signo) {
    int saved = errno;
    int fd = cds_pipe_write_fd;
    if (fd >= 0) {
        unsigned char b = (unsigned char)signo;
        ssize_t r = write(fd, &b, 1); // async-signal-safe; a full pipe drops the byte
        (void)r;
    }
    errno = saved;
}

int cds_signals_install(void) {
    if (cds_pipe_read_fd >= 0) return cds_pipe_read_fd;
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    cds_pipe_read_fd = fds[0];
    cds_pipe_write_fd = fds[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cds_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: poll() returns EINTR, the loop drains the pipe
    int sigs[] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGCONT};
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        sigaction(sigs[i], &sa, NULL);
        sigaddset(&unblock, sigs[i]);
    }
    // A parent may have started us with these blocked (the mask is inherited): unblock them,
    // or a hang-up would never reach the loop.
    sigaddset(&unblock, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    signal(SIGPIPE, SIG_IGN);
    return cds_pipe_read_fd;
}

int cds_signals_drain(unsigned char *out, int cap) {
    if (cds_pipe_read_fd < 0) return 0;
    int n = 0;
    while (n < cap) {
        ssize_t r = read(cds_pipe_read_fd, out + n, (size_t)(cap - n));
        if (r > 0) { n += (int)r; continue; }
        if (r < 0 && errno == EINTR) continue;
        break;
    }
    return n;
}

void cds_signal_default(int signo) { signal(signo, SIG_DFL); }

int cds_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

SCREEN *cds_newterm(const char *term, int outfd, int infd) {
    FILE *out = fdopen(dup(outfd), "w");
    FILE *in = fdopen(dup(infd), "r");
    if (!out || !in) return NULL;
    SCREEN *s = newterm(term, out, in);
    if (!s) { fclose(out); fclose(in); }
    return s;
}

void cds_screen_configure(int escdelay_ms) {
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    leaveok(stdscr, TRUE);
    curs_set(0);
    set_escdelay(escdelay_ms);
}

WINDOW *cds_stdscr(void) { return stdscr; }
int cds_lines(void) { return LINES; }
int cds_cols(void) { return COLS; }
int cds_colors(void) { return COLORS; }
int cds_color_pairs(void) { return COLOR_PAIRS; }
int cds_can_change_color(void) { return can_change_color(); }

attr_t cds_attr_normal(void) { return A_NORMAL; }
attr_t cds_attr_bold(void) { return A_BOLD; }
attr_t cds_attr_reverse(void) { return A_REVERSE; }
attr_t cds_attr_underline(void) { return A_UNDERLINE; }
attr_t cds_attr_dim(void) { return A_DIM; }

int cds_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

int cds_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, int count, attr_t attrs, int pair) {
    wchar_t buf[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buf[i] = wch[i];
    buf[n] = L'\0';
    cchar_t cc;
    if (setcchar(&cc, buf, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

int cds_get_wch(WINDOW *win, unsigned int *out) {
    wint_t w = 0;
    int r = wget_wch(win, &w);
    *out = (unsigned int)w;
    return r;
}

void cds_mouse(int on) {
    mousemask(on ? (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    mouseinterval(on ? 200 : 0);
}

int cds_get_mouse(int *y, int *x, unsigned long *bstate) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return -1;
    *y = ev.y; *x = ev.x; *bstate = (unsigned long)ev.bstate;
    return 0;
}
unsigned long cds_button1_clicked(void) { return BUTTON1_CLICKED; }
unsigned long cds_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }

int cds_spawn_on_pty(char *const argv[], char *const envp[], int rows, int cols, int *master) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    pid_t pid = forkpty(master, NULL, NULL, &ws);
    if (pid < 0) return -1;
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(argv[0], argv, envp);
        _exit(127);
    }
    return pid;
}

void cds_limit_malloc_arenas(void) { mallopt(M_ARENA_MAX, 1); }
void cds_trim_heap(void) { malloc_trim(0); }
size_t cds_heap_in_use(void) { return mallinfo2().uordblks; }

// --- Crash guard ---------------------------------------------------------------------------
// Set up before the first load and when the screen is taken; read only by the handler.
static struct termios cds_saved_termios;
static volatile sig_atomic_t cds_have_termios = 0;
static char cds_restore_seq[256];
static volatile sig_atomic_t cds_restore_len = 0;
static volatile sig_atomic_t cds_quiet_fd = -1;
static volatile sig_atomic_t cds_crash_log_fd = -1;
static volatile sig_atomic_t cds_tty_fd = 2;          // where the one-line notice goes
static char cds_hint[512];                              // "; details in PATH"
static volatile sig_atomic_t cds_hint_len = 0;
static char cds_loading[512];                           // what is being loaded, or empty
static volatile sig_atomic_t cds_loading_len = 0;
static volatile sig_atomic_t cds_mark_fd = -1;          // the load's mark: the signal is noted there
static volatile sig_atomic_t cds_guard_installed = 0;
static const int cds_fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};
#define CDS_FATAL_COUNT (sizeof cds_fatal / sizeof cds_fatal[0])
static struct sigaction cds_previous[CDS_FATAL_COUNT];  // the runtime's handlers (its backtracer)

static void cds_put(int fd, const char *s, size_t n) {
    while (fd >= 0 && n > 0) {
        ssize_t r = write(fd, s, n);
        if (r <= 0) { if (r < 0 && errno == EINTR) continue; return; }
        s += r; n -= (size_t)r;
    }
}
static void cds_puts(int fd, const char *s) { cds_put(fd, s, strlen(s)); }

static void cds_on_crash(int signo, siginfo_t *info, void *context) {
    (void)context;
    // Everything here is async-signal-safe: write, tcsetattr, dup2, sigaction, raise.
    int saved = errno;
    if (cds_restore_len > 0) cds_put(1, cds_restore_seq, (size_t)cds_restore_len);
    if (cds_have_termios) tcsetattr(0, TCSANOW, &cds_saved_termios);
    // A fault of this process (not a signal sent from outside): the load under way, if any,
    // is what made it.
    int own = info != NULL && (info->si_code > 0 || info->si_pid == getpid());
    char num[3] = {(char)('0' + signo / 10 % 10), (char)('0' + signo % 10), 0};
    int loading = own && cds_loading_len > 0;
    if (cds_crash_log_fd >= 0) {
        cds_puts(cds_crash_log_fd, "cdsboard: crashed (signal ");
        cds_puts(cds_crash_log_fd, num);
        cds_puts(cds_crash_log_fd, ")");
        if (loading) { cds_puts(cds_crash_log_fd, " while loading "); cds_put(cds_crash_log_fd, cds_loading, (size_t)cds_loading_len); }
        cds_puts(cds_crash_log_fd, "\n");
    }
    if (own && cds_mark_fd >= 0) {
        cds_puts(cds_mark_fd, "signal ");
        cds_puts(cds_mark_fd, num);
        cds_puts(cds_mark_fd, "\n");
        fsync(cds_mark_fd);
    }
    // One line on the terminal, after it is restored: why the dashboard is gone, and where to look.
    cds_puts(cds_tty_fd, "cdsboard: stopped by signal ");
    cds_puts(cds_tty_fd, num);
    if (loading) { cds_puts(cds_tty_fd, " while loading "); cds_put(cds_tty_fd, cds_loading, (size_t)cds_loading_len); }
    if (cds_hint_len > 0) cds_put(cds_tty_fd, cds_hint, (size_t)cds_hint_len);
    cds_puts(cds_tty_fd, "\n");
    // Whatever the runtime prints next (its backtrace) goes to the log (or nowhere), not the screen.
    if (cds_quiet_fd >= 0) dup2(cds_quiet_fd, 2);
    if (!own) {
        // Sent from outside: die of it at once, as before.
        signal(signo, SIG_DFL);
        raise(signo);
        errno = saved;
        return;
    }
    // Hand over to the handler that was there before ours (the Swift runtime's backtracer,
    // told by SWIFT_BACKTRACE not to wait for the keyboard), or the default action.
    for (unsigned i = 0; i < CDS_FATAL_COUNT; i++) {
        if (cds_fatal[i] == signo) { sigaction(signo, &cds_previous[i], NULL); break; }
    }
    if (info->si_code <= 0) raise(signo); // raised by the process (abort): raise it again
    // A fault: returning runs the faulting instruction again, which now reaches that handler
    // with its own context.
    errno = saved;
}

void cds_save_terminal_modes(void) {
    if (tcgetattr(0, &cds_saved_termios) == 0) cds_have_termios = 1;
}

static void cds_copy(char *dst, size_t cap, volatile sig_atomic_t *len, const char *src) {
    *len = 0;
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    if (n > 0) memcpy(dst, src, n);
    *len = (sig_atomic_t)n;
}

void cds_crash_guard_install(const char *restore_sequence, int log_fd) {
    cds_copy(cds_restore_seq, sizeof cds_restore_seq, &cds_restore_len, restore_sequence);
    int quiet = log_fd >= 0 ? dup(log_fd) : open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (quiet >= 0) fcntl(quiet, F_SETFD, FD_CLOEXEC);
    int old = cds_quiet_fd;
    cds_quiet_fd = quiet;
    cds_crash_log_fd = quiet;
    if (old >= 0 && old != quiet) close(old);
    if (cds_guard_installed) return;
    // The notice goes to the terminal as it is now (standard error is pointed at the log while
    // the dashboard owns the screen).
    int tty = dup(2);
    if (tty >= 0) { fcntl(tty, F_SETFD, FD_CLOEXEC); cds_tty_fd = tty; }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = cds_on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
    for (unsigned i = 0; i < CDS_FATAL_COUNT; i++) sigaction(cds_fatal[i], &sa, &cds_previous[i]);
    cds_guard_installed = 1;
}

void cds_crash_guard_hint(const char *hint) { cds_copy(cds_hint, sizeof cds_hint, &cds_hint_len, hint); }

void cds_crash_guard_loading(const char *what, int mark_fd) {
    cds_mark_fd = -1;
    cds_copy(cds_loading, sizeof cds_loading, &cds_loading_len, what);
    cds_mark_fd = mark_fd;
}

const char *cds_terminfo_string(const char *cap) {
    char *s = tigetstr(cap);
    if (s == NULL || s == (char *)-1) return "";
    return s;
}

static int cds_saved_stderr = -1;

void cds_quiet_stderr(int on) {
    if (on) {
        if (cds_saved_stderr >= 0 || cds_quiet_fd < 0) return;
        cds_saved_stderr = dup(2);
        if (cds_saved_stderr >= 0) { fcntl(cds_saved_stderr, F_SETFD, FD_CLOEXEC); dup2(cds_quiet_fd, 2); }
    } else if (cds_saved_stderr >= 0) {
        dup2(cds_saved_stderr, 2);
        close(cds_saved_stderr);
        cds_saved_stderr = -1;
    }
}
