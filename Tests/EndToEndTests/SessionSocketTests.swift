import Foundation
import TestSupport
import Testing
@testable import TrilateralShare

/// The presenter's socket against real clients: permissions, hostile and stalled clients, and
/// fifty followers joining and leaving while the presenter navigates.
@Suite("Session socket", .serialized)
struct SessionSocketTests {
    @Test func socketIsOwnerOnlyOrOneGroup() throws {
        let (t, dir) = try PresentEndToEndTests.presenter()
        var info = stat()
        #expect(stat("\(dir)/talk.sock", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(info.st_uid == getuid())
        #expect(stat(dir, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let group = String(cString: getgrgid(getgid())!.pointee.gr_name)
        let shared = try t.open("g", width: 80, height: 24, arguments: "present --session grp --dir \(dir) --group \(group)")
        try shared.waitFor("Trilateral │")
        #expect(stat("\(dir)/grp.sock", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o660)
        #expect(info.st_gid == getgid())
    }

    @Test func hostileAndStalledClientsAffectNobody() throws {
        let (t, dir) = try PresentEndToEndTests.presenter()
        let path = "\(dir)/talk.sock"
        let follower = try t.open("f", width: 120, height: 40, arguments: "follow talk --dir \(dir)")
        try follower.waitFor("following talk")

        var generator = SystemRandomNumberGenerator()
        let garbage = try SessionProbe(path)
        garbage.send((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let oversized = try SessionProbe(path)
        oversized.send(Array("TRIL".utf8) + [1, 0x7f, 0xff, 0xff, 0xff, 2])
        let half = try SessionProbe(path)   // half a frame, then it hangs and never reads
        half.send([0, 0, 0x10])
        let flood = try SessionProbe(path)
        flood.send([UInt8](repeating: 0x41, count: 200_000))

        // Well-behaved raw client: preamble, hello, then views as the presenter moves.
        let reader = try SessionProbe(path)
        var messages = try reader.messages(until: { $0.contains { if case .view = $0 { true } else { false } } })
        guard case .hello(let hello)? = messages.first else { Issue.record("no hello first"); return }
        #expect(hello.session == "talk")
        #expect(hello.briefingText.contains("Capistrano"))

        for _ in 0..<40 { try t.keys("j") }
        try t.keys("b", "Space")
        try follower.waitFor("step 2/13")
        messages = try reader.messages(until: { $0.contains { if case .view(let v) = $0 { v.tour.step == 1 } else { false } } })
        #expect(!messages.isEmpty)
        #expect(flood.isClosedByPeer(), "a client that floods the presenter is dropped")
        _ = (garbage, oversized, half)
        try t.keys("q")
        #expect(try t.main.waitForExit().status == 0)
    }

    @Test func fiftyFollowersJoinAndLeaveWhileThePresenterNavigates() throws {
        let (t, dir) = try PresentEndToEndTests.presenter()
        let followers = try (0..<50).map { try t.open("f\($0)", width: 80, height: 24, arguments: "follow talk --dir \(dir)") }
        for f in followers { try f.waitFor("following talk", seconds: 30) }
        try t.keys("b")
        // Half leave while the tour goes on.
        for (i, f) in followers.enumerated() where i % 2 == 0 {
            try f.keys("q")
            if i < 20 { try t.keys("Space") }
        }
        let steps = 11
        for (i, f) in followers.enumerated() {
            if i % 2 == 0 {
                let exit = try f.waitForExit()
                #expect(exit.status == 0 && exit.sttyRestored)
            } else {
                try f.waitFor("step \(steps)/13", seconds: 10)
            }
        }
        // Late joiners see the current state at once.
        let late = try t.open("late", width: 120, height: 40, arguments: "follow talk --dir \(dir)")
        try late.waitFor("step \(steps)/13")
        try t.keys("q")
        #expect(try t.main.waitForExit().status == 0)
    }
}
