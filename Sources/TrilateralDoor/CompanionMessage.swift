import FoundationEssentials

/// What a door server (`trilateral-ssh`, `trilateral-web`) tells the presenter that started
/// it, one JSON object per line on its standard output. The first line is `ready`; the rest
/// are notices for the presenter's status bar. Errors before `ready` go to standard error, and
/// the server exits non-zero. The presenter holds the server's standard input open: when it
/// reads end of file there, the presenter has gone, and the server says goodbye to every viewer
/// and exits (as on SIGTERM).
public struct CompanionMessage: Codable, Equatable, Sendable {
    /// Where the server listens, once it does (`127.0.0.1:2222`).
    public var listening: String?
    /// The SSH host key's fingerprint, as `ssh-keygen -lf` prints it (`SHA256:…`).
    public var fingerprint: String?
    /// The address a browser opens (`http://127.0.0.1:8080/`).
    public var url: String?
    /// A short message for the presenter (a refused guess, a full room).
    public var notice: String?

    public init(listening: String? = nil, fingerprint: String? = nil, url: String? = nil, notice: String? = nil) {
        self.listening = listening; self.fingerprint = fingerprint; self.url = url; self.notice = notice
    }

    /// The message as one line, newline included.
    public var line: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! e.encode(self), as: UTF8.self) + "\n"
    }

    /// Longest line a presenter reads from a server; a longer one is cut.
    public static let lineLimit = 1024
}
