import Foundation
import TestSupport
import Testing

/// A follower over a real OpenSSH connection: a throwaway sshd on 127.0.0.1 at a free high
/// port, with its own host key, user key and config; `ssh -tt` inside tmux runs
/// `trilateral follow`, as an audience member would.
@Suite("Following over SSH", .serialized, .slowTier)
struct SSHEndToEndTests {
    /// A private sshd for one test; stopped when released.
    final class Server {
        let dir: String
        let port: Int
        let user = String(cString: getpwuid(getuid())!.pointee.pw_name)

        init() throws {
            guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
                throw HarnessError("/usr/sbin/sshd is missing: install openssh-server (.ci/run does)")
            }
            dir = "/tmp/tri-ssh-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            port = try Self.freePort()
            for key in ["host_key", "user_key"] {
                _ = try TmuxHarness.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "\(dir)/\(key)"])
            }
            try FileManager.default.copyItem(atPath: "\(dir)/user_key.pub", toPath: "\(dir)/authorized_keys")
            let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(dir)/host_key
            PidFile \(dir)/sshd.pid
            AuthorizedKeysFile \(dir)/authorized_keys
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            AllowUsers \(user)
            LogLevel ERROR
            """
            try config.write(toFile: "\(dir)/sshd_config", atomically: true, encoding: .utf8)
            // Privilege separation needs this directory (as a system sshd would have it).
            if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]) }
            _ = try TmuxHarness.run("/usr/sbin/sshd", ["-f", "\(dir)/sshd_config", "-E", "\(dir)/sshd.log"])
            let deadline = Date().addingTimeInterval(Tier.patience(10))
            while !FileManager.default.fileExists(atPath: "\(dir)/sshd.pid") {
                guard Date() < deadline else {
                    throw HarnessError("sshd did not start: \((try? String(contentsOfFile: "\(dir)/sshd.log", encoding: .utf8)) ?? "")")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        deinit {
            if let text = try? String(contentsOfFile: "\(dir)/sshd.pid", encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGTERM)
            }
        }

        /// The ssh command line that runs `remote` on this server with a terminal.
        func ssh(_ remote: String) -> String {
            "ssh -tt -p \(port) -i \(dir)/user_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR \(user)@127.0.0.1 '\(remote)'"
        }

        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            guard ok else { throw HarnessError("no free port") }
            return Int(UInt16(bigEndian: addr.sin_port))
        }
    }

    @Test func followerJoinsOverSSHAndDroppingTheConnectionLeavesThePresenterRunning() throws {
        let server = try Server()
        let (t, dir) = try PresentEndToEndTests.presenter()
        let remote = server.ssh("LANG=C.UTF-8 \((try TmuxHarness.binary)) follow talk --dir \(dir)")
        let viewer = try t.open("viewer", width: 100, height: 30, command: remote)
        try viewer.waitFor("following talk", seconds: 20)
        try t.keys("b", "Space", "Space")
        try viewer.waitFor("step 3/13")
        try viewer.keys("j")
        try viewer.waitFor("f to browse on your own")

        // Drop the connection: the ssh client dies; sshd hangs up on the remote follower.
        let remoteFollower = { try TmuxHarness.run("/usr/bin/pgrep", ["-f", "^\((try TmuxHarness.binary)) follow talk --dir \(dir)"]) }
        #expect(try remoteFollower().contains(where: \.isNumber), "the follower runs on the far side of sshd")
        kill(try viewer.programPID(), SIGKILL)
        let deadline = Date().addingTimeInterval(Tier.patience(10))
        while try remoteFollower().contains(where: \.isNumber) {
            guard Date() < deadline else { Issue.record("the remote follower outlived its connection"); break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // The presenter carries on.
        #expect(t.main.isRunning)
        try t.keys("Space")
        try t.main.waitFor("step 4/13")
        try t.keys("q")
        #expect(try t.main.waitForExit().status == 0)
    }
}
