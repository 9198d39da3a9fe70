import Glibc
import TrilateralModel
import TrilateralTerminal
import TrilateralUI

/// `--watch`: the briefing file reloaded whenever it is saved. A version that loads replaces
/// the one on screen (the reducer keeps the reader's place by ids); one that does not leaves
/// the last good version and shows where the problem is, until the file is fixed.
@MainActor
final class BriefingWatch {
    private var watcher: FileWatcher?

    /// Watches `path` for `loop`; `loaded` hears every version that loads and its text (a
    /// presenter sends them to its followers) before the loop shows it.
    init(path: String, loop: EventLoop, loaded: @escaping @MainActor (Briefing, String) -> Void = { _, _ in }) throws {
        watcher = FileWatcher(path: path) {
            switch Self.load(path) {
            case .success(let (briefing, text)):
                loaded(briefing, text)
                loop.send(.reload(.replaced(briefing)))
            case .failure(let problem):
                loop.send(.reload(.failed(problem.line)))
            }
        }
        if watcher == nil { throw Failure("trilateral: --watch: cannot watch \(path) (inotify: \(String(cString: strerror(errno))))", status: 1) }
    }

    /// The file's briefing and text, or its first located problem (and how many more).
    static func load(_ path: String) -> Result<(Briefing, String), Problem> {
        switch YAMLDocument.read(path: path, limit: BriefingLoader.maximumBytes, what: "briefing") {
        case .failure(let error): return .failure(Problem(error))
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            switch BriefingLoader.load(text: text, file: path, folder: BriefingLoader.folder(of: path)) {
            case .success(let loaded): return .success((loaded.briefing, text))
            case .failure(let error): return .failure(Problem(error))
            }
        }
    }

    /// A load error as one line for the screen.
    struct Problem: Error {
        let line: String
        init(_ error: LoadError) {
            let lines = error.description.split(separator: "\n").map(String.init)
            line = (lines.first ?? "\(error)") + (lines.count > 1 ? " (and \(lines.count - 1) more: trilateral validate)" : "")
        }
    }
}
