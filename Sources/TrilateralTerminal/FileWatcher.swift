import Dispatch
import Glibc

/// Calls back when a file is written or replaced, or when it appears, with inotify: no polling,
/// so a watched dashboard, or a follower waiting for its presenter, costs nothing while idle.
///
/// Editors save in two ways: in place (the file is closed after writing: `IN_CLOSE_WRITE`) or by
/// writing a temporary file and renaming it over the original (`IN_MOVED_TO`; vim, most IDEs,
/// `sed -i`). Watching the file itself would lose it at the first rename, so the watcher
/// watches its folder and picks out the file's name.
///
/// A file that is to appear may be in a folder that does not exist yet (a follower started
/// before any presenter made the session folder). The watcher then watches the folder's parent
/// until the folder is made, moves to the folder, and calls back once in case the file came
/// with it; if the folder is removed it goes back to the parent.
@MainActor
public final class FileWatcher {
    private let fd: Int32
    private let source: DispatchSourceRead
    private let folder: String
    private let name: String
    private let change: Change
    private let changed: @MainActor () -> Void
    /// The inotify watch on the file's folder, or -1 while the folder does not exist.
    private var folderWatch: Int32 = -1
    /// The watch on the folder's parent while waiting for the folder, or -1.
    private var parentWatch: Int32 = -1

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
    /// inotify can watch neither the folder nor, while the folder does not exist, its parent
    /// (the reason is in `errno`).
    public init?(path: String, on change: Change = .saved, changed: @escaping @MainActor () -> Void) {
        (folder, name) = Self.split(path)
        self.change = change
        self.changed = changed
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard let watches = Self.watch(fd: fd, folder: folder, mask: change.mask | Self.folderGone, parent: -1) else {
            close(fd)
            return nil
        }
        (folderWatch, parentWatch) = watches
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        let fd = fd
        source.setEventHandler { @Sendable [weak self] in
            // One callback per batch of events, however many concern the file.
            let events = FileWatcher.drain(fd)
            MainActor.assumeIsolated { self?.handle(events) }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    /// Stops watching.
    public func stop() { source.cancel() }

    /// The folder's own events that end its watch: removed or moved away.
    private static let folderGone = UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    /// Folder and name of `path` (a bare name is in the current folder).
    nonisolated static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        return (slash == path.startIndex ? "/" : String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Watches the folder, or, while it does not exist, its parent for it to be made (or
    /// renamed into place): the watches on folder and parent, one of them -1, or nil if
    /// neither can be watched. `parent` is the parent's watch if there is one already.
    private static func watch(fd: Int32, folder: String, mask: UInt32, parent: Int32) -> (folder: Int32, parent: Int32)? {
        var parent = parent
        while true {
            let watch = inotify_add_watch(fd, folder, mask)
            if watch >= 0 {
                if parent >= 0 { inotify_rm_watch(fd, parent) }
                return (watch, -1)
            }
            guard errno == ENOENT else { return nil }
            if parent >= 0 { return (-1, parent) }
            parent = inotify_add_watch(fd, split(folder).folder, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR))
            if parent < 0 { return nil }
            // Again, now that the parent is watched: the folder may have been made meanwhile.
        }
    }

    /// Moves to the folder if it exists now, else waits for it in its parent.
    private func rewatch() {
        (folderWatch, parentWatch) = Self.watch(fd: fd, folder: folder, mask: change.mask | Self.folderGone, parent: parentWatch) ?? (-1, -1)
    }

    private func handle(_ events: [Event]) {
        var matched = false
        for event in events {
            if event.watch == folderWatch, event.mask & Self.folderGone == 0 {
                if event.mask & change.mask != 0, event.name == name { matched = true }
            } else if event.watch == folderWatch || (event.watch == parentWatch && event.name == Self.split(folder).name) {
                // The folder went, or came: watch it or wait for it. One that came (at once, or
                // made again before this ran) may hold the file already.
                if event.watch == folderWatch { inotify_rm_watch(fd, folderWatch) }
                folderWatch = -1
                rewatch()
                if folderWatch >= 0 { matched = true }
            }
        }
        if matched { changed() }
    }

    /// One inotify event: the watch it came from, what happened, and the name in that folder.
    struct Event: Sendable {
        let watch: Int32
        let mask: UInt32
        let name: String
    }

    /// Reads every pending event.
    nonisolated static func drain(_ fd: Int32) -> [Event] {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var events: [Event] = []
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return events }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self),
                     raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let bytes = buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 }
                events.append(Event(watch: watch, mask: mask, name: String(decoding: bytes, as: UTF8.self)))
                offset = nameStart + length
            }
        }
    }
}
