// shim.h: the parts of ncursesw that Swift cannot see directly.
//
// Macros, globals and attribute constants are wrapped in `tri_`-prefixed static inline
// functions. NCURSES_WIDECHAR must come before the include: SwiftPM drops the
// -D_XOPEN_SOURCE that pkg-config asks for, and without it cchar_t and the *_wch API vanish.
#ifndef TRILATERAL_CNCURSESW_SHIM_H
#define TRILATERAL_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <unistd.h>
#include <ncursesw/term.h>
#include <wchar.h>
#include <signal.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

static inline WINDOW *tri_stdscr(void) { return stdscr; }
static inline int tri_lines(void) { return LINES; }
static inline int tri_cols(void) { return COLS; }
static inline int tri_color_pairs(void) { return COLOR_PAIRS; }
static inline int tri_colors(void) { return COLORS; }
static inline FILE *tri_stdout(void) { return stdout; }
static inline FILE *tri_stdin(void) { return stdin; }

static inline attr_t tri_a_normal(void) { return A_NORMAL; }
static inline attr_t tri_a_bold(void) { return A_BOLD; }
static inline attr_t tri_a_dim(void) { return A_DIM; }
static inline attr_t tri_a_reverse(void) { return A_REVERSE; }
static inline attr_t tri_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tri_a_italic(void) { return A_ITALIC; }

static inline int tri_key_code_yes(void) { return KEY_CODE_YES; }

/// Draws one cell: a grapheme cluster of up to CCHARW_MAX wide characters (NUL-terminated),
/// with attributes and an extended colour pair (pairs above 255 go through the `opts` pointer
/// of setcchar). setcchar keeps only the code points after the first that wcwidth counts as
/// zero columns, which would cut a ZWJ sequence (👨‍👩‍👧: each emoji is two columns) after its
/// first emoji; so setcchar is given the first code point, for the attributes and colour, and
/// the rest go into the cell's `chars`, which ncurses sends in order.
static inline int tri_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    wchar_t first[2] = { wch[0], 0 };
    if (setcchar(&cell, first, attrs, 0, &pair) != OK) return ERR;
    for (int i = 1; i < CCHARW_MAX && wch[i] != 0; ++i) cell.chars[i] = wch[i];
    return mvwadd_wch(win, y, x, &cell);
}

/// The columns the C library (and so ncurses) gives one code point, in the current locale.
int wcwidth(wchar_t c);
static inline int tri_wcwidth(wchar_t c) { return wcwidth(c); }

/// The terminal size from the kernel, for SIGWINCH handling (we own that signal).
static inline int tri_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// Whether TERM names a terminal terminfo knows, without printing anything.
static inline int tri_terminal_known(const char *term) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)term, 1, &err) != OK) return 0;
    TERMINAL *probe = cur_term;
    set_curterm(saved);
    del_curterm(probe);
    return 1;
}

/// The codeset of the current locale ("UTF-8" for a UTF-8 locale).
static inline const char *tri_codeset(void) { return nl_langinfo(CODESET); }

/// A terminal type's terminfo entry, loaded for reading its capabilities without making it
/// the current terminal (a server writing to many terminals of its own); NULL if unknown.
/// Not thread-safe (terminfo's current-terminal pointer): the caller serialises.
static inline TERMINAL *tri_terminfo_load(const char *term) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)term, 2, &err) != OK) { set_curterm(saved); return NULL; }
    TERMINAL *loaded = cur_term;
    set_curterm(saved);
    return loaded;
}

/// A string capability of a loaded entry (NULL when absent or cancelled).
static inline const char *tri_terminfo_string(TERMINAL *entry, const char *name) {
    TERMINAL *saved = set_curterm(entry);
    char *value = tigetstr((char *)name);
    set_curterm(saved);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/// A numeric capability of a loaded entry (-1 when absent).
static inline int tri_terminfo_number(TERMINAL *entry, const char *name) {
    TERMINAL *saved = set_curterm(entry);
    int value = tigetnum((char *)name);
    set_curterm(saved);
    return value < 0 ? -1 : value;
}

/// A boolean capability of a loaded entry.
static inline int tri_terminfo_flag(TERMINAL *entry, const char *name) {
    TERMINAL *saved = set_curterm(entry);
    int value = tigetflag((char *)name);
    set_curterm(saved);
    return value > 0;
}

static inline void tri_terminfo_free(TERMINAL *entry) { del_curterm(entry); }

/// A parameterised capability with two parameters, expanded (tiparm is variadic, which Swift
/// cannot call). Returns terminfo's own buffer: copy it before the next call; serialise.
static inline const char *tri_tiparm2(const char *capability, int a, int b) { return tiparm(capability, a, b); }

#endif
