import FoundationEssentials
import Glibc
import SystemPackage

/// Thin wrappers over the Unix-domain socket calls the session needs. File descriptors are
/// plain `Int32`s owned by the caller; every one is non-blocking and close-on-exec.
package enum UnixSocket {
    /// The address of a socket path (checked to fit by `SessionAddress`).
    static func address(_ path: String) -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return addr
    }

    static func make() -> Int32 {
        socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    }

    /// Connects without blocking; returns the descriptor or the errno.
    package static func connect(_ path: String) -> Result<Int32, Errno> {
        let fd = make()
        guard fd >= 0 else { return .failure(Errno(rawValue: errno)) }
        var addr = address(path)
        let status = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if status != 0 {
            let code = errno
            close(fd)
            return .failure(Errno(rawValue: code))
        }
        return .success(fd)
    }

    /// Binds and listens at `path` with the given mode (the umask is tightened around `bind`
    /// so the socket is never, even briefly, more open than asked).
    static func listen(_ path: String, mode: mode_t, group: gid_t?) -> Result<Int32, Errno> {
        let fd = make()
        guard fd >= 0 else { return .failure(Errno(rawValue: errno)) }
        var addr = address(path)
        let old = umask(0o177)
        let status = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        umask(old)
        guard status == 0 else { let code = errno; close(fd); return .failure(Errno(rawValue: code)) }
        if let group, chown(path, uid_t.max, group) != 0 { let code = errno; close(fd); unlink(path); return .failure(Errno(rawValue: code)) }
        guard chmod(path, mode) == 0, Glibc.listen(fd, 128) == 0 else { let code = errno; close(fd); unlink(path); return .failure(Errno(rawValue: code)) }
        return .success(fd)
    }

    /// Accepts one waiting connection, non-blocking and close-on-exec.
    static func accept(_ fd: Int32) -> Int32 {
        let peer = Glibc.accept(fd, nil, nil)
        guard peer >= 0 else { return peer }
        _ = fcntl(peer, F_SETFL, fcntl(peer, F_GETFL) | O_NONBLOCK)
        _ = fcntl(peer, F_SETFD, FD_CLOEXEC)
        return peer
    }

    /// The user id of the process at the other end of a connected socket (SO_PEERCRED), or
    /// nil when the kernel does not say.
    static func peerUser(_ fd: Int32) -> uid_t? {
        // Linux's struct ucred (pid, uid, gid), which Glibc's module does not export without
        // _GNU_SOURCE.
        var credentials: (pid: pid_t, uid: uid_t, gid: gid_t) = (0, 0, 0)
        var size = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0, Int(size) == MemoryLayout.size(ofValue: credentials) else { return nil }
        return credentials.uid
    }
}
