import Synchronization
import Testing
import TrilateralDoor
@testable import TrilateralWebRoom

/// Who may watch: an open room admits everyone; a room with a code admits a form with the code
/// (decoded as a browser encodes it) and then the session cookie it set, and nothing else;
/// wrong codes from an address are made to wait.
@Suite("The doorkeeper")
struct DoorkeeperTests {
    static let code = RoomCode("482193")!

    /// A clock that stands still until moved.
    final class Clock: Sendable {
        private let now = Mutex(1000.0)
        var time: Double { now.withLock { $0 } }
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
    }

    /// A doorkeeper on a clock of its own.
    static func keeper(code: RoomCode? = code) -> (Doorkeeper, Clock) {
        let clock = Clock()
        return (Doorkeeper(code: code, attempts: FailedAttempts(clock: { clock.time })), clock)
    }

    static func form(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The session token from a verdict's cookie, if it is the one cookie it must be.
    static func token(_ verdict: Doorkeeper.Verdict) -> String? {
        guard case .admitted(let setCookie) = verdict, let match = setCookie.wholeMatch(of: /trilateral-room=([0-9a-f]{64}); Path=\/; HttpOnly; SameSite=Strict/) else { return nil }
        return String(match.1)
    }

    @Test func anOpenRoomAdmitsEveryone() {
        let (door, _) = Self.keeper(code: nil)
        #expect(door.admits(cookies: []))
        #expect(door.admits(cookies: ["trilateral-room=made-up"]))
        #expect(door.join(form: Self.form("code=anything"), from: "10.0.0.1") == .admitted(setCookie: ""), "and sets no cookie")
    }

    @Test func aClosedRoomAdmitsNoOneWithoutTheCookie() {
        let (door, _) = Self.keeper()
        #expect(!door.admits(cookies: []))
        #expect(!door.admits(cookies: ["a=1; b=2"]))
        #expect(!door.admits(cookies: ["trilateral-room="]))
    }

    @Test func theRightCodeSetsASessionCookieThatAdmits() throws {
        let (door, _) = Self.keeper()
        let verdict = door.join(form: Self.form("code=482193"), from: "10.0.0.1")
        let token = try #require(Self.token(verdict), "\(verdict)")
        #expect(door.admits(cookies: ["trilateral-room=\(token)"]))
        #expect(door.admits(cookies: ["a=1; trilateral-room=\(token); b=2"]), "among other cookies")
        #expect(door.admits(cookies: ["a=1", "trilateral-room=\(token)"]), "in a second Cookie header")
        #expect(!door.admits(cookies: ["trilateral-room=\(String(repeating: "0", count: 64))"]), "a made-up token")
        #expect(!door.admits(cookies: ["trilateral-room=\(token.dropLast())"]))
        #expect(!door.admits(cookies: ["other-room=\(token)"]), "the token under another name")
        // Each admission is its own session.
        let again = try #require(Self.token(door.join(form: Self.form("code=482193"), from: "10.0.0.2")))
        #expect(again != token)
        #expect(door.admits(cookies: ["trilateral-room=\(again)"]) && door.admits(cookies: ["trilateral-room=\(token)"]))
        // Another doorkeeper (a restarted door) knows neither.
        #expect(!Self.keeper().0.admits(cookies: ["trilateral-room=\(token)"]))
    }

    @Test("a wrong code, or a body without one, is wrong and admits nothing",
          arguments: ["code=482194", "code=48219", "code=4821930", "code=", "", "code", "cod=482193", "xcode=482193", "482193", "code%3D482193"])
    func wrong(_ body: String) {
        let (door, _) = Self.keeper()
        #expect(door.join(form: Self.form(body), from: "10.0.0.1") == .wrong)
    }

    @Test func threeWrongCodesThenTheAddressWaits() {
        let (door, now) = Self.keeper()
        for _ in 0..<FailedAttempts.allowance { #expect(door.join(form: Self.form("code=000000"), from: "10.0.0.1") == .wrong) }
        guard case .wait(let seconds) = door.join(form: Self.form("code=000000"), from: "10.0.0.1") else {
            Issue.record("no wait after \(FailedAttempts.allowance) wrong codes")
            return
        }
        #expect(seconds > 0)
        #expect(door.join(form: Self.form("code=482193"), from: "10.0.0.1") == .wait(seconds), "while it waits, even the right code is not judged")
        #expect(Self.token(door.join(form: Self.form("code=482193"), from: "10.0.0.2")) != nil, "another address is not held up")
        now.advance(Double(seconds))
        #expect(Self.token(door.join(form: Self.form("code=482193"), from: "10.0.0.1")) != nil, "after the wait, the right code")
    }

    @Test("form values are URL-decoded as a browser encodes them",
          arguments: [("code=12%203", "12 3"), ("code=12+3", "12 3"), ("code=%2B%2b", "++"), ("a=1&code=x%26y%3Dz&b=2", "x&y=z"),
                      ("code=%E2%9C%93", "✓"), ("code=100%", "100%"), ("code=%4", "%4")])
    func formValues(_ body: String, _ value: String) {
        #expect(Doorkeeper.formValue("code", in: Self.form(body)) == Array(value.utf8))
    }

    @Test func anEncodedCodeAdmits() throws {
        let (door, _) = Self.keeper(code: RoomCode("a+b&c=d%"))
        #expect(door.join(form: Self.form("code=a+b%26c%3Dd%25"), from: "10.0.0.1") == .wrong, "+ is a space")
        #expect(Self.token(door.join(form: Self.form("other=1&code=a%2Bb%26c%3Dd%25"), from: "10.0.0.1")) != nil)
        let (digits, _) = Self.keeper()
        #expect(Self.token(digits.join(form: Self.form("code=%34%38%32%31%39%33"), from: "10.0.0.1")) != nil)
    }
}
