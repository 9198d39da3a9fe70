#ifndef TRILATERAL_CPTY_H
#define TRILATERAL_CPTY_H
#include <sys/types.h>

/// Opens a new pseudo-terminal of `rows` x `cols`: returns its controller (non-blocking,
/// close-on-exec) and writes the device path of its other side into `name`; -1 with errno set.
int cpty_open(char *name, unsigned long length, unsigned short rows, unsigned short cols);

/// Sets the size of the terminal behind `controller` (the kernel sends SIGWINCH to its
/// foreground process group).
int cpty_resize(int controller, unsigned short rows, unsigned short cols);

/// Starts `path` with `argv` and `envp` as the leader of a new session whose controlling
/// terminal, standard input, output and error are the terminal at `terminal`; every other
/// descriptor closed, every signal at its default and unblocked. Returns the pid, or -1 with
/// errno set.
pid_t cpty_spawn(const char *path, char *const argv[], char *const envp[], const char *terminal);



/// Starts `path` in a new session (no controlling terminal) with `input`, `output` and
/// `error` as its standard descriptors; every other descriptor closed, signals at their
/// defaults. Returns the pid, or -1 with errno set.
pid_t cpty_spawn_piped(const char *path, char *const argv[], char *const envp[], int input, int output, int error);

/// pipe2(fds, O_CLOEXEC).
int cpty_pipe(int fds[2]);
#endif
