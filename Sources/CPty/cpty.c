#define _GNU_SOURCE
#include "cpty.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int cpty_open(char *name, unsigned long length, unsigned short rows, unsigned short cols) {
    int fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return -1;
    struct winsize size = { .ws_row = rows, .ws_col = cols };
    if (grantpt(fd) != 0 || unlockpt(fd) != 0 || ptsname_r(fd, name, length) != 0 || ioctl(fd, TIOCSWINSZ, &size) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int cpty_resize(int controller, unsigned short rows, unsigned short cols) {
    struct winsize size = { .ws_row = rows, .ws_col = cols };
    return ioctl(controller, TIOCSWINSZ, &size);
}

/// Both spawns: a new session, signals at their defaults, standard descriptors from the
/// terminal at `terminal` (which becomes the controlling terminal) or, when it is NULL, from
/// `input`, `output` and `error`; every other descriptor closed.
static pid_t spawn_in_session(const char *path, char *const argv[], char *const envp[], const char *terminal, int input, int output, int error) {
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    if (posix_spawnattr_init(&attr) != 0) return -1;
    if (posix_spawn_file_actions_init(&actions) != 0) { posix_spawnattr_destroy(&attr); return -1; }
    int failed = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        || posix_spawnattr_setsigdefault(&attr, &all)
        || posix_spawnattr_setsigmask(&attr, &none);
    if (!failed && terminal) {
        // The session leader's first terminal opened becomes its controlling terminal.
        failed = posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
            || posix_spawn_file_actions_adddup2(&actions, 0, 1)
            || posix_spawn_file_actions_adddup2(&actions, 0, 2);
    } else if (!failed) {
        failed = posix_spawn_file_actions_adddup2(&actions, input, 0)
            || posix_spawn_file_actions_adddup2(&actions, output, 1)
            || posix_spawn_file_actions_adddup2(&actions, error, 2);
    }
    failed = failed || posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    pid_t pid = -1;
    if (!failed) {
        int e = posix_spawn(&pid, path, &actions, &attr, argv, envp);
        if (e != 0) { errno = e; pid = -1; }
    } else {
        errno = EINVAL;
    }
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    return pid;
}

pid_t cpty_spawn(const char *path, char *const argv[], char *const envp[], const char *terminal) {
    return spawn_in_session(path, argv, envp, terminal, -1, -1, -1);
}

pid_t cpty_spawn_piped(const char *path, char *const argv[], char *const envp[], int input, int output, int error) {
    return spawn_in_session(path, argv, envp, NULL, input, output, error);
}

int cpty_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
