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
// Set up once before ncurses starts; read only by the handler.
static struct termios cds_saved_termios;
static volatile sig_atomic_t cds_have_termios = 0;
static char cds_restore_seq[256];
static volatile sig_atomic_t cds_restore_len = 0;
static volatile sig_atomic_t cds_quiet_fd = -1;
static volatile sig_atomic_t cds_crash_log_fd = -1;

static void cds_on_crash(int signo) {
    // Everything here is async-signal-safe: write, tcsetattr, dup2, signal, raise.
    if (cds_restore_len > 0) { ssize_t r = write(1, cds_restore_seq, (size_t)cds_restore_len); (void)r; }
    if (cds_have_termios) tcsetattr(0, TCSANOW, &cds_saved_termios);
    if (cds_crash_log_fd >= 0) {
        static const char msg[] = "cdsboard: crashed (signal ";
        ssize_t r = write(cds_crash_log_fd, msg, sizeof msg - 1);
        char num[4] = {(char)('0' + signo / 10 % 10), (char)('0' + signo % 10), ')', '\n'};
        r = write(cds_crash_log_fd, num, 4);
        (void)r;
    }
    // Whatever the runtime prints next goes to the log (or nowhere), not over the screen.
    if (cds_quiet_fd >= 0) dup2(cds_quiet_fd, 2);
    signal(signo, SIG_DFL);
    raise(signo);
}

void cds_save_terminal_modes(void) {
    if (tcgetattr(0, &cds_saved_termios) == 0) cds_have_termios = 1;
}

void cds_crash_guard_install(const char *restore_sequence, int log_fd) {
    size_t n = strlen(restore_sequence);
    if (n >= sizeof cds_restore_seq) n = sizeof cds_restore_seq - 1;
    memcpy(cds_restore_seq, restore_sequence, n);
    cds_restore_len = (sig_atomic_t)n;
    int quiet = log_fd >= 0 ? dup(log_fd) : open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (quiet >= 0) fcntl(quiet, F_SETFD, FD_CLOEXEC);
    cds_quiet_fd = quiet;
    cds_crash_log_fd = quiet;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cds_on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_ONSTACK;
    int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
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
