import Glibc

// The server is not finished yet (its NIO parts are in progress); until it is, it refuses to
// start, so `present --web` reports a clear error instead of a silent door.
_ = "trilateral-web: not implemented yet\n".withCString { write(2, $0, strlen($0)) }
exit(70)
