import BuiltInBriefings
import Foundation
import TestSupport
import Synchronization
import Testing
@testable import TrilateralShare
import TrilateralModel
import TrilateralUI

@Suite("Publisher", .serialized)
struct PublisherTests {
    func address() throws -> SessionAddress {
        try SessionAddress(name: "t", directory: "/tmp/tri-unit-\(UUID().uuidString.prefix(8))", environment: [:])
    }

    func view(_ step: Int) -> Data {
        var state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        AppReducer.reduce(&state, .tour(.toggle))
        for _ in 0..<step % state.briefing.tour.count { AppReducer.reduce(&state, .tour(.step(1))) }
        return Wire.frame(state.shared)
    }

    @Test("a follower that never reads costs two frames and never blocks the presenter; others get the latest view")
    func stalledFollower() throws {
        let a = try address()
        let hello = Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: String(repeating: "# padding\n", count: 50_000))
        let publisher = try Publisher(address: a, group: nil, hello: hello, privateDirectory: true)
        defer { publisher.stop() }
        guard case .success(let stalled) = UnixSocket.connect(a.socketPath) else { Issue.record("connect"); return }
        defer { close(stalled) }
        let frames = (0..<12).map(view)
        let start = Date()
        for i in 0..<5_000 { publisher.publish(frames[i % 12]) }
        #expect(Date().timeIntervalSince(start) < 2, "publish returns at once")
        #expect(publisher.followerCount == 1)
        // A reader joining now gets the hello and then the newest view, not a backlog.
        let reader = try SessionProbe(a.socketPath)
        let messages = try reader.messages { $0.count >= 2 }
        guard case .view(let v)? = messages.last else { Issue.record("no view"); return }
        #expect(v.tour.step == 4999 % 12)
        #expect(messages.count == 2)
    }

    @Test("a reloaded briefing reaches every follower as a new hello, never skipped, before any later view; joiners get the new one")
    func reloadedBriefingIsANewHello() throws {
        let a = try address()
        let publisher = try Publisher(address: a, group: nil, hello: Wire.Hello(app: "t", session: "t", briefingFile: "f", briefingText: "# one"),
                                      privateDirectory: true)
        defer { publisher.stop() }
        let reader = try SessionProbe(a.socketPath)
        publisher.publish(view(1))
        _ = try reader.messages { $0.count >= 2 }
        // The new hello, then a flood of views: the hello is never dropped for a newer view.
        publisher.replaceBriefing(Wire.Hello(app: "t", session: "t", briefingFile: "f", briefingText: "# two"))
        for i in 0..<200 { publisher.publish(view(i)) }
        let messages = try reader.messages { messages in messages.contains { if case .hello(let h) = $0 { h.briefingText == "# two" } else { false } } && messages.last.map { if case .view = $0 { true } else { false } } == true }
        let hellos = messages.compactMap { if case .hello(let h) = $0 { h.briefingText } else { nil } }
        #expect(hellos == ["# one", "# two"])
        let secondHello = messages.firstIndex { if case .hello(let h) = $0 { h.briefingText == "# two" } else { false } }!
        #expect(messages.indices.contains(secondHello + 1), "a view follows the new hello")
        // Someone joining now is greeted with the new briefing.
        let late = try SessionProbe(a.socketPath)
        guard case .hello(let greeting)? = try late.messages { !$0.isEmpty }.first else { Issue.record("no hello"); return }
        #expect(greeting.briefingText == "# two")
    }

    /// A raw follower: connects, says its preamble, and can send any bytes after it.
    func rawFollower(_ a: SessionAddress) throws -> Int32 {
        guard case .success(let fd) = UnixSocket.connect(a.socketPath) else { throw ProbeError("connect") }
        return fd
    }

    func send(_ fd: Int32, _ data: Data) { _ = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }

    /// Waits until the audience is `expected` (the observer is called on the publisher's queue).
    func waitForAudience(_ publisher: Publisher, _ expected: Audience) throws {
        let seen = Mutex<Audience?>(nil)
        publisher.observeAudience { a in seen.withLock { $0 = a } }
        let deadline = Date().addingTimeInterval(Tier.patience(5))
        while seen.withLock({ $0 }) != expected {
            guard Date() < deadline else { throw ProbeError("audience stayed \(String(describing: seen.withLock { $0 })), expected \(expected)") }
            usleep(10_000)
        }
    }

    @Test("followers' statuses give the presenter its counts: watching and browsing, nothing else")
    func audienceCounts() throws {
        let a = try address()
        let publisher = try Publisher(address: a, group: nil, hello: Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: ""), privateDirectory: true)
        defer { publisher.stop() }
        let one = try rawFollower(a), two = try rawFollower(a)
        defer { close(one); close(two) }
        send(one, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false)))
        send(two, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false)))
        try waitForAudience(publisher, Audience(watching: 2, browsing: 0))
        send(two, Wire.frame(Wire.Status(browsing: true)))
        try waitForAudience(publisher, Audience(watching: 1, browsing: 1))
        send(two, Wire.frame(Wire.Status(browsing: false)))
        try waitForAudience(publisher, Audience(watching: 2, browsing: 0))
        close(two)
        try waitForAudience(publisher, Audience(watching: 1, browsing: 0))
    }

    @Test("followers that came over ssh or from a browser are counted by route; an unknown route is a plain follower; a door's relay is not counted")
    func audienceRoutes() throws {
        let a = try address()
        let publisher = try Publisher(address: a, group: nil, hello: Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: ""), privateDirectory: true)
        defer { publisher.stop() }
        let ssh = try rawFollower(a), web = try rawFollower(a), odd = try rawFollower(a), relay = try rawFollower(a)
        defer { close(ssh); close(web); close(odd); close(relay) }
        // A web door's own reader is not a viewer: not in any count.
        send(relay, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false, via: Wire.Status.relay)))
        send(ssh, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false, via: "ssh")))
        send(web, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: true, via: "web")))
        send(odd, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false, via: "carrier-pigeon")))
        let expected = Audience(watching: 2, browsing: 1, routes: [.ssh: 1, .web: 1])
        try waitForAudience(publisher, expected)
        #expect(expected.summary == "2 watching · 1 browsing · 1 over ssh · 1 in a browser")
        close(ssh)
        try waitForAudience(publisher, Audience(watching: 1, browsing: 1, routes: [.web: 1]))
    }

    @Test("answers to the open poll are counted, one per follower, its latest; answers to another poll or to no option are not")
    func pollAnswersAreCounted() throws {
        let a = try address()
        let publisher = try Publisher(address: a, group: nil, hello: Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: ""), privateDirectory: true)
        defer { publisher.stop() }
        let one = try rawFollower(a), two = try rawFollower(a), three = try rawFollower(a)
        defer { close(one); close(two); close(three) }
        for fd in [one, two, three] { send(fd, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false))) }
        try waitForAudience(publisher, Audience(watching: 3, browsing: 0))
        publisher.openPoll(id: 2, options: 2)
        try waitForAudience(publisher, Audience(watching: 3, browsing: 0, poll: PollCount(poll: 2, counts: [0, 0], notAnswered: 3)))
        send(one, Wire.frame(Wire.Status(browsing: false, answer: PollAnswer(poll: 2, option: 1))))
        send(two, Wire.frame(Wire.Status(browsing: true, answer: PollAnswer(poll: 2, option: 1))))
        try waitForAudience(publisher, Audience(watching: 2, browsing: 1, poll: PollCount(poll: 2, counts: [0, 2], notAnswered: 1)))
        // Changing an answer moves it; an answer to an earlier poll, or to option 3 of 2, is not kept.
        send(one, Wire.frame(Wire.Status(browsing: false, answer: PollAnswer(poll: 2, option: 0))))
        send(three, Wire.frame(Wire.Status(browsing: false, answer: PollAnswer(poll: 1, option: 0))))
        send(three, Wire.frame(Wire.Status(browsing: true, answer: PollAnswer(poll: 2, option: 2))))
        try waitForAudience(publisher, Audience(watching: 1, browsing: 2, poll: PollCount(poll: 2, counts: [1, 1], notAnswered: 1)))
        #expect(publisher.followerCount == 3, "a bad answer is dropped, not its follower")
        // A follower that leaves takes its answer with it; a closed poll counts nothing.
        close(two)
        try waitForAudience(publisher, Audience(watching: 1, browsing: 1, poll: PollCount(poll: 2, counts: [1, 0], notAnswered: 1)))
        publisher.closePoll()
        try waitForAudience(publisher, Audience(watching: 1, browsing: 1))
    }

    @Test("a follower is dropped for anything but a well-formed status: a view, an oversized status, a flood, no preamble",
          arguments: ["view", "oversized", "flood", "answer flood", "no preamble", "bad json"])
    func followerMessagesAreChecked(_ kind: String) throws {
        let a = try address()
        let publisher = try Publisher(address: a, group: nil, hello: Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: ""), privateDirectory: true)
        defer { publisher.stop() }
        let fd = try rawFollower(a)
        defer { close(fd) }
        try waitForAudience(publisher, Audience(watching: 1, browsing: 0))
        let preamble = Data(Wire.preamble)
        switch kind {
        case "view": send(fd, preamble + Wire.frame(AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24)).shared))
        case "oversized": send(fd, preamble + Wire.frame(.status, Data(repeating: 0x20, count: Wire.Kind.status.maximumLength)))
        case "flood":
            send(fd, preamble)
            for n in 0..<40 { send(fd, Wire.frame(Wire.Status(browsing: n % 2 == 0))) }
        case "answer flood":
            publisher.openPoll(id: 1, options: 2)
            send(fd, preamble)
            for n in 0..<40 { send(fd, Wire.frame(Wire.Status(browsing: false, answer: PollAnswer(poll: 1, option: n % 2)))) }
        case "no preamble": send(fd, Wire.frame(Wire.Status(browsing: true)))
        default: send(fd, preamble + Wire.frame(.status, Data("{\"browsing\": 3}".utf8)))
        }
        // Dropped, and its answers with it.
        let poll = kind == "answer flood" ? PollCount(poll: 1, counts: [0, 0], notAnswered: 0) : nil
        try waitForAudience(publisher, Audience(watching: 0, browsing: 0, poll: poll))
    }

    @Test("a presenter that is full says so before closing, so the follower does not think it left")
    func fullPresenterRefuses() throws {
        let a = try address()
        let publisher = try Publisher(address: a, group: nil, hello: Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: ""),
                                      privateDirectory: true, maximumFollowers: 2)
        defer { publisher.stop() }
        let first = try SessionProbe(a.socketPath), second = try SessionProbe(a.socketPath)
        _ = try first.messages { !$0.isEmpty }
        _ = try second.messages { !$0.isEmpty }
        let third = try SessionProbe(a.socketPath)
        let messages = try third.messages { !$0.isEmpty }
        guard case .refused(let refusal)? = messages.first else { Issue.record("expected a refusal, got \(messages)"); return }
        #expect(refusal.reason.contains("2 followers"))
        #expect(third.isClosedByPeer())
        #expect(publisher.followerCount == 2)
    }

    @Test("a live session refuses a second presenter; a stale socket is replaced; a non-socket is left alone")
    func sessionFiles() throws {
        let a = try address()
        let hello = Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: "")
        let first = try Publisher(address: a, group: nil, hello: hello, privateDirectory: true)
        #expect(throws: SessionError.alreadyPresenting(a.socketPath)) { try Publisher(address: a, group: nil, hello: hello, privateDirectory: true) }
        first.stop()
        // Stale: a socket file nobody listens on.
        let fd = UnixSocket.make()
        var addr = UnixSocket.address(a.socketPath)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        let second = try Publisher(address: a, group: nil, hello: hello, privateDirectory: true)
        second.stop()
        _ = FileManager.default.createFile(atPath: a.socketPath, contents: Data("keep me".utf8))
        #expect(throws: SessionError.notASocket(a.socketPath)) { try Publisher(address: a, group: nil, hello: hello, privateDirectory: true) }
        #expect(FileManager.default.contents(atPath: a.socketPath) == Data("keep me".utf8))
    }

    @Test("the presenter view's socket is owner-only even for a group session; it takes commands, and the audience's socket drops a follower that sends one")
    func presenterViewChannel() throws {
        let a = try address()
        let hello = Wire.Hello(app: "t", session: "t", briefingFile: "x", briefingText: "")
        let group = String(cString: getgrgid(getegid())!.pointee.gr_name)
        let audience = try Publisher(address: a, group: group, hello: hello, privateDirectory: true)
        let own = try Publisher(address: a, group: group, hello: hello, privateDirectory: true, channel: .presenterView)
        defer { audience.stop(); own.stop() }
        var info = stat()
        #expect(stat(a.socketPath, &info) == 0 && info.st_mode & 0o777 == 0o660, "the audience's socket is the group's")
        #expect(stat(a.presenterViewPath, &info) == 0 && info.st_mode & 0o777 == 0o600, "the presenter view's is the owner's alone")
        #expect(a.presenterViewPath != a.socketPath)

        let commands = Mutex<[PresenterCommand]>([])
        own.observeCommands { c in commands.withLock { $0.append(c) } }
        audience.observeCommands { c in commands.withLock { $0.append(c) } }
        guard case .success(let view) = UnixSocket.connect(a.presenterViewPath) else { Issue.record("connect"); return }
        defer { close(view) }
        send(view, Data(Wire.preamble) + Wire.frame(Wire.Status(browsing: false)) + Wire.frame(PresenterCommand.next) + Wire.frame(PresenterCommand.previous))
        let deadline = Date().addingTimeInterval(Tier.patience(5))
        while commands.withLock({ $0 }).count < 2 && Date() < deadline { usleep(10_000) }
        #expect(commands.withLock { $0 } == [.next, .previous])

        // The audience cannot step the tour: a command is not a follower's to send.
        let follower = try rawFollower(a)
        defer { close(follower) }
        try waitForAudience(audience, Audience(watching: 1, browsing: 0))
        send(follower, Data(Wire.preamble) + Wire.frame(PresenterCommand.next))
        try waitForAudience(audience, Audience(watching: 0, browsing: 0))
        #expect(commands.withLock { $0 } == [.next, .previous])
    }

    @Test("the default directory must be private; names are checked")
    func directories() throws {
        let open = "/tmp/tri-open-\(UUID().uuidString.prefix(8))"
        mkdir(open, 0o755)
        chmod(open, 0o755)
        let a = try SessionAddress(name: "x", directory: open, environment: [:])
        #expect(throws: SessionError.self) { try a.prepareDirectory(checkPrivate: true) }
        try a.prepareDirectory(checkPrivate: false)
        for bad in ["", "../x", "a/b", ".hidden", String(repeating: "x", count: 65), "tab\tname"] {
            #expect(throws: SessionError.badName(bad)) { try SessionAddress(name: bad, directory: nil, environment: [:]) }
        }
        let runtime = try SessionAddress(name: nil, directory: nil, environment: ["XDG_RUNTIME_DIR": "/tmp"])
        #expect(runtime.socketPath == "/tmp/trilateral/briefing.sock")
        let fallback = try SessionAddress(name: "n", directory: nil, environment: [:])
        #expect(fallback.socketPath == "/tmp/trilateral-\(getuid())/n.sock")
    }
}
