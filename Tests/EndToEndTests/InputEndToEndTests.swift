import Foundation
import TestSupport
import Testing

/// Whatever a briefing or theme path names, the program answers at once: a FIFO, a socket or a
/// device is refused with a clear message (exit 66) instead of being waited on, and a file far
/// past the size limit is refused without reading it.
@Suite("Input that is not a file", .hangGuard(.minutes(2)))
struct InputEndToEndTests {
    /// A folder holding a FIFO and a socket named like a briefing.
    static let special: (fifo: String, socket: String) = {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-input-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fifo = dir.appending(path: "brief.yaml").path, socket = dir.appending(path: "brief.sock").path
        mkfifo(fifo, 0o600)
        _ = try? TmuxHarness.run("/usr/bin/python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socket])
        return (fifo, socket)
    }()

    /// Every command that reads a briefing or a theme, given a FIFO nobody writes to: each
    /// refuses it (a run still going after ten seconds is killed and fails).
    @Test(arguments: [["validate", special.fifo], ["snapshot", "--briefing", special.fifo], ["dump", "--briefing", special.fifo],
                      ["export", "--briefing", special.fifo], ["--briefing", special.fifo, "--watch"],
                      ["present", "--briefing", special.fifo, "--dir", "/tmp/trilateral-input-never"],
                      ["themes", "check", special.fifo], ["snapshot", "--theme", special.fifo]])
    func aFIFOIsRefusedNotWaitedOn(_ args: [String]) throws {
        let r = try CommandLineTests.run(args, seconds: 10)
        #expect(r.status == 66, "\(args): status \(r.status) (9: killed, still waiting) \(r.err)")
        #expect(r.err.contains("\(Self.special.fifo): cannot read: is a FIFO (named pipe)"), "\(args): \(r.err)")
    }

    /// A socket, and devices: refused as such. /dev/zero, which never ends, among them.
    @Test(arguments: [(special.socket, "is a socket"), ("/dev/zero", "is a device"), ("/dev/null", "is a device"), (".", "is a directory")])
    func otherKindsAreRefused(_ path: String, _ reason: String) throws {
        let r = try CommandLineTests.run(["validate", path], seconds: 10)
        #expect(r.status == 66 && r.err.contains("\(path): cannot read: \(reason)"), "\(path): \(r.err)")
    }

    /// A FIFO among the user's themes is named as a warning; the themes list and the dashboard
    /// are not held up by it.
    @Test func aFIFOAmongTheUsersThemesIsPassedOver() throws {
        let config = FileManager.default.temporaryDirectory.appending(path: "trilateral-xdg-\(UUID().uuidString.prefix(8))")
        let themes = config.appending(path: "trilateral/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        #expect(mkfifo(themes.appending(path: "waiting.yaml").path, 0o600) == 0)
        let r = try CommandLineTests.run(["themes"], environment: ["XDG_CONFIG_HOME": config.path], seconds: 10)
        #expect(r.status == 0 && r.out.contains("dark"), "\(r.err)")
        #expect(r.err.contains("waiting.yaml: cannot read: is a FIFO"), "\(r.err)")
        #expect(try CommandLineTests.run(["snapshot", "--size", "80x24"], environment: ["XDG_CONFIG_HOME": config.path], seconds: 10).status == 0)
    }

    /// A sparse file of 2 GB is refused for its size at once, before any of it is read.
    @Test func aHugeSparseFileIsRefusedForItsSize() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "trilateral-sparse-\(UUID().uuidString.prefix(8)).yaml").path
        #expect(FileManager.default.createFile(atPath: file, contents: nil) && truncate(file, 2 << 30) == 0)
        defer { unlink(file) }
        let started = Date()
        let r = try CommandLineTests.run(["validate", file], seconds: 10)
        #expect(r.status == 65 && r.err.contains("larger than 64 MiB"), "\(r.err)")
        #expect(Date().timeIntervalSince(started) < Tier.patience(2), "refused at once")
    }
}
