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

    /// `--output` onto a full device: written in place, and the failure reported.
    @Test func aFullDeviceAsOutputIsAnError() throws {
        let full = try Self.device("full", minor: 7)
        let r = try CommandLineTests.run(["export", "--output", full])
        #expect(r.status == 74 && r.err.contains("\(full): cannot write it: No space left on device"), "\(r.err)")
        #expect(try Self.kind(URL(fileURLWithPath: full)) == S_IFCHR)
    }

    /// `new` says what it wrote on standard output: a full one fails it, the briefing stays whole.
    @Test func newOnAFullDiskSaysSo() throws {
        let dir = try Self.folder()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try CommandLineTests.run(["new", dir.appending(path: "talk.yaml").path], standardOutput: full)
        #expect(r.status == 74 && r.err.contains("No space left on device"), "\(r.err)")
        #expect(try CommandLineTests.run(["validate", dir.appending(path: "talk.yaml").path]).status == 0)
    }

    /// A write that fails part-way (a file-size limit) leaves the old file under its name and
    /// no temporary file beside it.
    @Test func aFailedWriteLeavesTheOldFile() throws {
        let dir = try Self.folder()
        let file = dir.appending(path: "brief.html")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        // The signal ignored, so the write fails with EFBIG instead of killing the program.
        let r = try CommandLineTests.run(["export", "--output", file.path],
                                         launcher: ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\""])
        #expect(r.status == 74, "\(r.err)")
        #expect(r.err.contains("brief.html") && r.err.contains("File too large"), "\(r.err)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["brief.html"])
    }

    /// A FIFO is written in place, for the process reading it; the FIFO stays one.
    @Test func aFIFOIsWrittenForItsReader() throws {
        let dir = try Self.folder()
        let fifo = dir.appending(path: "handout"), copy = dir.appending(path: "copy.md")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(FileManager.default.createFile(atPath: copy.path, contents: nil))
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo.path]
        reader.standardOutput = try FileHandle(forWritingTo: copy)
        try reader.run()
        let r = try CommandLineTests.run(["export", "--format", "markdown", "--output", fifo.path])
        // The reader ends when the writer closes; one left waiting (the FIFO never written) is stopped.
        let deadline = Date().addingTimeInterval(Tier.patience(10))
        while reader.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!reader.isRunning, "the reader still waits for a writer")
        if reader.isRunning { reader.terminate() }
        #expect(r.status == 0, "\(r.err)")
        let expected = try CommandLineTests.run(["export", "--format", "markdown"]).out
        #expect(try String(contentsOf: copy, encoding: .utf8) == expected)
        #expect(try Self.kind(fifo) == S_IFIFO)
    }

    /// A device stays a device, also for root (the README installs as root).
    @Test func aDeviceStaysADevice() throws {
        let null = try Self.device("null", minor: 3)
        let r = try CommandLineTests.run(["export", "--output", null])
        #expect(r.status == 0, "\(r.err)")
        #expect(try Self.kind(URL(fileURLWithPath: null)) == S_IFCHR)
    }

    /// A private copy of the memory device `/dev/NAME` (major 1) where this test may make one
    /// (root): a program that replaced what it writes to would replace only the copy. Without
    /// root, `/dev/NAME` itself, which such a program could not replace.
    static func device(_ name: String, minor: UInt32) throws -> String {
        let path = try folder().appending(path: name).path
        return mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | minor)) == 0 ? path : "/dev/\(name)"
    }

    /// A symbolic link is followed: its target gets the new text and keeps its mode; the link
    /// stays a link. A link to a file not made yet makes it.
    @Test(arguments: users)
    func aSymlinkIsFollowed(_ launcher: [String]) throws {
        let dir = try Self.folder(), targets = dir.appending(path: "targets")
        try FileManager.default.createDirectory(at: targets, withIntermediateDirectories: true)
        let target = targets.appending(path: "real.md"), link = dir.appending(path: "link.md")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        chmod(target.path, 0o640)
        symlink("targets/real.md", link.path)
        symlink("targets/later.md", dir.appending(path: "dangling.md").path)
        if !launcher.isEmpty { try Self.giveToNobody(dir, targets, target) }
        #expect(try CommandLineTests.run(["export", "--format", "markdown", "--output", link.path], launcher: launcher).status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Economic security"))
        #expect(try Self.kind(link) == S_IFLNK)
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o640)
        #expect(try CommandLineTests.run(["export", "--output", dir.appending(path: "dangling.md").path], launcher: launcher).status == 0)
        #expect(FileManager.default.fileExists(atPath: targets.appending(path: "later.md").path))
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: targets.path)) == ["real.md", "later.md"], "no temporary file left")
    }

    /// A read-only file: root replaces it (as `>` would) and keeps it read-only; anyone else is
    /// refused, with the file as it was.
    @Test(arguments: users)
    func aReadOnlyFileIsRefusedUnlessWritable(_ launcher: [String]) throws {
        let dir = try Self.folder(), file = dir.appending(path: "kept.md")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        chmod(file.path, 0o444)
        if !launcher.isEmpty { try Self.giveToNobody(dir, file) }
        let r = try CommandLineTests.run(["export", "--format", "markdown", "--output", file.path], launcher: launcher)
        if getuid() == 0 && launcher.isEmpty {
            #expect(r.status == 0, "\(r.err)")
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# Economic security"))
        } else {
            #expect(r.status == 73 && r.err.contains("kept.md") && r.err.contains("Permission denied"), "\(r.err)")
            #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o444)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kept.md"])
    }

    /// A directory and a socket are refused with a message; both stay what they were.
    @Test(arguments: users)
    func aDirectoryOrSocketIsRefused(_ launcher: [String]) throws {
        let dir = try Self.folder(), folder = dir.appending(path: "handouts"), socket = dir.appending(path: "s.sock")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try TmuxHarness.run("/usr/bin/python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socket.path])
        if !launcher.isEmpty { try Self.giveToNobody(dir, folder) }
        let onFolder = try CommandLineTests.run(["export", "--output", folder.path], launcher: launcher)
        #expect(onFolder.status == 73 && onFolder.err.contains("handouts: is a directory"), "\(onFolder.err)")
        let onSocket = try CommandLineTests.run(["export", "--output", socket.path], launcher: launcher)
        #expect(onSocket.status == 73 && onSocket.err.contains("s.sock: is a socket"), "\(onSocket.err)")
        #expect(try Self.kind(folder) == S_IFDIR && Self.kind(socket) == S_IFSOCK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
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
