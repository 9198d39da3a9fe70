import Glibc
import SystemPackage

/// `--output FILE`: text written where the user points, never destroying what is there.
///
/// - a regular file, or nothing yet: a temporary file in the same folder, written, synced and
///   renamed over the name, so the name holds the old text or the new, never a part; the old
///   file's mode (and, for root, its owner) is kept, a new one gets 0666 less the umask. A
///   read-only file is refused unless the user may write it anyway (root).
/// - a symbolic link: followed (through every link) and its target replaced that way, in the
///   target's own folder; the link stays.
/// - a device, FIFO or terminal: opened and written in place, as a shell's `>` would.
/// - a directory or a socket: refused.
///
/// Exit 73 when the file cannot be made or is refused, 74 when a write, sync, close or rename
/// fails (then the temporary file is removed and the name is as it was).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { throw refuse(path, Errno.describe(Errno(rawValue: errno))) }
            return try replace(try target(of: path), with: text, keeping: nil, named: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: try replace(try target(of: path), with: text, keeping: status, named: path)
        case S_IFCHR, S_IFBLK, S_IFIFO: try writeInPlace(path, text)
        case S_IFDIR: throw refuse(path, "is a directory; --output names a file")
        case S_IFSOCK: throw refuse(path, "is a socket; --output writes files, devices and FIFOs")
        default: throw refuse(path, "is not a file, device or FIFO")
        }
    }

    /// The path a name finally stands for: every symbolic link followed, relative links
    /// against their own folder. The last one may not exist yet (a link to a file to come).
    static func target(of path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let link = readLink(current) else { throw refuse(path, Errno.describe(Errno(rawValue: errno))) }
            current = link.hasPrefix("/") ? link : split(current).folder + "/" + link
        }
        throw refuse(path, Errno.describe(.tooManySymbolicLinkLevels))
    }

    /// A path's folder and last name ("." for a bare name).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Writes a temporary file beside `file` and renames it over `file`. `existing` is the
    /// file there now (nil when there is none), whose mode and owner the new one takes.
    static func replace(_ file: String, with text: String, keeping existing: stat?, named path: String) throws {
        if existing != nil && faccessat(AT_FDCWD, file, W_OK, AT_EACCESS) != 0 {
            throw refuse(path, Errno.describe(Errno(rawValue: errno)) + " (the file is not writable; it is left as it is)")
        }
        let folder = split(file).folder
        var template = Array((folder + "/.trilateral-output-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0, fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 else {
            throw refuse(path, "cannot make a temporary file in \(folder): \(Errno.describe(Errno(rawValue: errno)))")
        }
        let temporary = String(cChars: template.dropLast())
        let unchanged = existing == nil ? "; no file was made" : "; the file is as it was"
        func fail(_ error: Errno) -> Failure { unlink(temporary); return Failure.writing(path, error, unchanged) }
        let descriptor = FileDescriptor(rawValue: fd)
        do {
            if let existing {
                _ = fchown(fd, existing.st_uid, existing.st_gid)   // only root may give a file away
                guard fchmod(fd, existing.st_mode & 0o7777) == 0 else { throw Errno(rawValue: errno) }
            } else {
                let mask = umask(0); umask(mask)
                guard fchmod(fd, 0o666 & ~mask) == 0 else { throw Errno(rawValue: errno) }
            }
            _ = try descriptor.writeAll(text.utf8)
            guard fsync(fd) == 0 else { throw Errno(rawValue: errno) }
        } catch let error as Errno {
            _ = try? descriptor.close()
            throw fail(error)
        }
        do { try descriptor.close() } catch let error as Errno { throw fail(error) }
        guard rename(temporary, file) == 0 else { throw fail(Errno(rawValue: errno)) }
    }

    /// A device, FIFO or terminal: written where it is (a FIFO waits for its reader).
    static func writeInPlace(_ path: String, _ text: String) throws {
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw refuse(path, Errno.describe(Errno(rawValue: errno))) }
        let descriptor = FileDescriptor(rawValue: fd)
        do { _ = try descriptor.closeAfter { try descriptor.writeAll(text.utf8) } }
        catch let error as Errno { throw Failure.writing(path, error) }
    }

    /// An output file that cannot be made or is not one to write (exit 73, EX_CANTCREAT).
    static func refuse(_ path: String, _ reason: String) -> Failure {
        Failure("trilateral: \(path): \(reason)", status: 73)
    }
}
