import Foundation
import TestSupport
import Testing

/// Every command that writes reports a write that fails (exit 74, naming the file and the
/// reason), and `--output` lands on what it is pointed at without destroying it.
@Suite("Output", .hangGuard(.minutes(2)))
struct OutputEndToEndTests {
    static let example = TmuxHarness.root.appending(path: "Sources/BuiltInBriefings/example-harbour-pact.yaml").path
    static let theme = TmuxHarness.root.appending(path: "themes/light.yaml").path

    /// A fresh folder for one test's files.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-output-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `setpriv` arguments that run a program as nobody, when this test runs as root and the
    /// binary is reachable for nobody; nil otherwise.
    static let asNobody: [String]? = {
        let launcher = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: launcher[0]),
              (try? CommandLineTests.run(["--version"], launcher: launcher).status) == 0 else { return nil }
        return launcher
    }()

    /// The users the `--output` checks run as: this one, and nobody where the test can drop to it.
    static var users: [[String]] { [[]] + (asNobody.map { [$0] } ?? []) }

    /// A full disk: every command that writes fails with exit 74 and says where and why.
    @Test(arguments: [["dump"], ["dump", "--layer", "hindsight"], ["snapshot", "--size", "80x24"], ["snapshot", "--format", "ansi"],
                      ["export"], ["export", "--format", "markdown"], ["schema"], ["themes"],
                      ["themes", "check", theme], ["validate", example], ["--help"], ["dump", "--help"]])
    func aFullDiskIsAnError(_ args: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try CommandLineTests.run(args, standardOutput: full)
        #expect(r.status == 74, "\(args): \(r.err)")
        #expect(r.err.contains("/dev/full") && r.err.contains("No space left on device"), "\(args): \(r.err)")
    }

    /// `new` says what it wrote on standard output: a full one fails it, the briefing stays whole.
    @Test func newOnAFullDiskSaysSo() throws {
        let dir = try Self.folder()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try CommandLineTests.run(["new", dir.appending(path: "talk.yaml").path], standardOutput: full)
        #expect(r.status == 74 && r.err.contains("No space left on device"), "\(r.err)")
        #expect(try CommandLineTests.run(["validate", dir.appending(path: "talk.yaml").path]).status == 0)
    }

    /// What a path is, without following a link (S_IFIFO, S_IFLNK, …).
    static func kind(_ url: URL) throws -> mode_t {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { throw HarnessError("lstat \(url.path)") }
        return status.st_mode & S_IFMT
    }

    /// Makes files nobody's, for the checks that run as nobody.
    static func giveToNobody(_ urls: URL...) throws {
        for url in urls { guard lchown(url.path, 65534, 65534) == 0 else { throw HarnessError("chown \(url.path)") } }
    }
}
