#define _GNU_SOURCE
#include "cpty.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

pid_t cpty_spawn_piped(const char *path, char *const argv[], char *const envp[], int input, int output, int error) {
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    if (posix_spawnattr_init(&attr) != 0) return -1;
    if (posix_spawn_file_actions_init(&actions) != 0) { posix_spawnattr_destroy(&attr); return -1; }
    int failed = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        || posix_spawnattr_setsigdefault(&attr, &all)
        || posix_spawnattr_setsigmask(&attr, &none)
        || posix_spawn_file_actions_adddup2(&actions, input, 0)
        || posix_spawn_file_actions_adddup2(&actions, output, 1)
        || posix_spawn_file_actions_adddup2(&actions, error, 2)
        || posix_spawn_file_actions_addclosefrom_np(&actions, 3);
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

int cpty_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
