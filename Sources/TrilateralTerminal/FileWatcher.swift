import Dispatch
import Glibc

/// Calls back when a file is written or replaced, or when it appears, with inotify: no polling,
/// so a watched dashboard, or a follower waiting for its presenter, costs nothing while idle.
///
/// Editors save in two ways: in place (the file is closed after writing: `IN_CLOSE_WRITE`) or by
/// writing a temporary file and renaming it over the original (`IN_MOVED_TO`; vim, most IDEs,
/// `sed -i`). Watching the file itself would lose it at the first rename, so the watcher
/// watches its folder and picks out the file's name.
@MainActor
public final class FileWatcher {
    private let fd: Int32
    private let source: DispatchSourceRead
    private let name: String

    /// What a watcher is told about.
    public enum Change: Sendable {
        /// A completed write, or a rename onto the file (an editor's save).
        case saved
        /// The file created (a socket bound there), renamed into place, or its mode changed.
        case appeared

        var mask: UInt32 {
            switch self {
            case .saved: UInt32(IN_CLOSE_WRITE | IN_MOVED_TO)
            case .appeared: UInt32(IN_CREATE | IN_MOVED_TO | IN_ATTRIB)
            }
        }
    }

    /// Watches `path`; `changed` runs on the main queue after each `change` to it. Nil if
    /// inotify cannot watch the folder (the reason is in `errno`; a folder that does not exist
    /// yet cannot be watched).
    public init?(path: String, on change: Change = .saved, changed: @escaping @MainActor () -> Void) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = change.mask
        guard inotify_add_watch(fd, folder, mask) >= 0 else {
            close(fd)
            return nil
        }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        let (fd, name) = (fd, name)
        source.setEventHandler { @Sendable in
            // One callback per batch of events, however many concern the file.
            if FileWatcher.drain(fd, matching: name, mask: mask) { MainActor.assumeIsolated { changed() } }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    /// Stops watching.
    public func stop() { source.cancel() }

    /// Reads every pending event; whether any in `mask` names the file.
    nonisolated static func drain(_ fd: Int32, matching name: String, mask wanted: UInt32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var matched = false
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return matched }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset + 4, as: UInt32.self), Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let bytes = buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 }
                if mask & wanted != 0, String(decoding: bytes, as: UTF8.self) == name { matched = true }
                offset = nameStart + length
            }
        }
    }
}
