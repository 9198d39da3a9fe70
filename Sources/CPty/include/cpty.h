#ifndef TRILATERAL_CPTY_H
#define TRILATERAL_CPTY_H
#include <sys/types.h>

/// Starts `path` in a new session (no controlling terminal) with `input`, `output` and
/// `error` as its standard descriptors; every other descriptor closed, signals at their
/// defaults and unblocked. Returns the pid, or -1 with errno set.
pid_t cpty_spawn_piped(const char *path, char *const argv[], char *const envp[], int input, int output, int error);

/// pipe2(fds, O_CLOEXEC).
int cpty_pipe(int fds[2]);
#endif
