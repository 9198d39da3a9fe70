import FoundationEssentials
import Glibc
import TrilateralModel

/// Where a named session's socket lives: `$XDG_RUNTIME_DIR/trilateral/NAME.sock`, or, without a
/// runtime directory, `/tmp/trilateral-UID/NAME.sock` in a directory made owner-only (0700).
/// `--dir` names another directory, e.g. one shared with an audience group.
public struct SessionAddress: Sendable, Equatable {
    public static let defaultName = "briefing"

    public let name: String
    public let directory: String
    public var socketPath: String { directory + "/" + name + ".sock" }
    /// The presenter view's socket: always owner-only, and only the presenter's own account is
    /// served on it. No session's socket can have this path (theirs all end in `.sock`).
    public var presenterViewPath: String { directory + "/" + name + ".presenter-view" }

    /// Checks the name (letters, digits, `.`, `_`, `-`; up to 64) and picks the directory.
    public init(name: String?, directory: String?, environment: [String: String]) throws(SessionError) {
        let name = name ?? Self.defaultName
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.count <= 64, name.allSatisfy(allowed.contains), !name.hasPrefix(".") else {
            throw .badName(name)
        }
        self.name = name
        if let directory, !directory.isEmpty {
            self.directory = directory
        } else if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), Self.isDirectory(runtime) {
            self.directory = runtime + "/trilateral"
        } else {
            self.directory = "/tmp/trilateral-\(getuid())"
        }
        guard presenterViewPath.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else { throw .pathTooLong(presenterViewPath) }
    }

    /// Makes the directory if missing (0700). An existing one must be a real directory; the
    /// default one must also be ours and closed to others, or a local user could plant a socket.
    public func prepareDirectory(checkPrivate: Bool) throws(SessionError) {
        var info = stat()
        if lstat(directory, &info) != 0 {
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else { throw .directory(directory, String(cString: strerror(errno))) }
            guard lstat(directory, &info) == 0 else { throw .directory(directory, String(cString: strerror(errno))) }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .directory(directory, "not a directory") }
        if checkPrivate {
            guard info.st_uid == getuid() else { throw .directory(directory, "owned by another user") }
            guard info.st_mode & 0o077 == 0 else { throw .directory(directory, "open to other users (mode \(String(info.st_mode & 0o777, radix: 8)); expected 700)") }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

/// Why a session could not be presented or followed.
public enum SessionError: Error, Equatable, CustomStringConvertible, Sendable {
    case badName(String)
    case pathTooLong(String)
    case directory(String, String)
    case alreadyPresenting(String)
    case notASocket(String)
    case unknownGroup(String)
    case socket(String, String)

    public var description: String {
        switch self {
        case .badName(let n): "session name '\(n.escapingControls)' is not allowed: use 1-64 letters, digits, '.', '_' or '-'"
        case .pathTooLong(let p): "socket path is too long for a Unix socket: \(p)"
        case .directory(let d, let why): "session directory \(d): \(why)"
        case .alreadyPresenting(let p): "a presenter is already running for this session (\(p)); pick another --session name"
        case .notASocket(let p): "\(p) exists and is not a socket; not replacing it"
        case .unknownGroup(let g): "no group named '\(g.escapingControls)'"
        case .socket(let p, let why): "\(p): \(why)"
        }
    }
}
