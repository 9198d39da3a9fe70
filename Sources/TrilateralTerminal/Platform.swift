// Trilateral runs on Linux: the screen and signal code use Glibc and the socket code Linux's
// SOCK_NONBLOCK and MSG_NOSIGNAL. Say so at build time rather than fail somewhere obscure.
#if !os(Linux)
#error("Trilateral builds on Linux only (Glibc, SOCK_NONBLOCK, MSG_NOSIGNAL)")
#endif
