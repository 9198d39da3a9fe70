import Synchronization
import Testing
import TrilateralDoor

@Suite("The room's doors")
struct DoorTests {
    @Test("[ADDR:]PORT: a port alone is loopback; an address must be named to reach other machines",
          arguments: [("2222", "127.0.0.1:2222"), ("0.0.0.0:2222", "0.0.0.0:2222"), ("[::1]:80", "[::1]:80"), ("host-1.example:0", "host-1.example:0")])
    func addresses(_ text: String, _ expected: String) {
        #expect(DoorAddress(text)?.description == expected)
    }

    @Test("a bad door address is refused", arguments: ["", "port", "70000", "-1", ":22", "a b:22", "[::1]22", "1.2.3.4:\u{1b}[31m", "22 "])
    func badAddresses(_ text: String) {
        #expect(DoorAddress(text) == nil)
    }

    @Test func roomCodesAdmitOnlyThemselves() {
        let code = RoomCode("482193")!
        #expect(code.admits("482193".utf8))
        #expect(!code.admits("482194".utf8))
        #expect(!code.admits("48219".utf8))
        #expect(!code.admits("4821930".utf8))
        #expect(!code.admits("".utf8))
        #expect(RoomCode("abc") == nil && RoomCode("with space") == nil && RoomCode(String(repeating: "x", count: 65)) == nil)
        let drawn = (0..<50).map { _ in RoomCode.random().text }
        #expect(drawn.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        #expect(Set(drawn).count > 40, "codes are drawn, not fixed")
    }

    @Test func wrongGuessesWaitLongerEachTimeAndARightCodeForgets() {
        let now = Mutex(1000.0)
        let limit = FailedAttempts(clock: { now.withLock { $0 } })
        for _ in 0..<FailedAttempts.allowance {
            #expect(limit.wait(for: "10.0.0.1") == 0)
            limit.failed("10.0.0.1")
        }
        #expect(limit.wait(for: "10.0.0.1") == 1)
        limit.failed("10.0.0.1")
        #expect(limit.wait(for: "10.0.0.1") == 2)
        #expect(limit.wait(for: "10.0.0.2") == 0, "another address is not held up")
        for _ in 0..<10 { limit.failed("10.0.0.1") }
        #expect(limit.wait(for: "10.0.0.1") == FailedAttempts.longestWait)
        now.withLock { $0 += 30 }
        #expect(limit.wait(for: "10.0.0.1") == FailedAttempts.longestWait - 30)
        limit.succeeded("10.0.0.1")
        #expect(limit.wait(for: "10.0.0.1") == 0)
    }

    @Test func manyAddressesGuessingShareOneCap() {
        let now = Mutex(0.0)
        let limit = FailedAttempts(clock: { now.withLock { $0 } })
        for i in 0..<FailedAttempts.globalPerMinute { limit.failed("10.1.\(i / 250).\(i % 250)") }
        #expect(limit.wait(for: "192.168.0.9") == 60, "a fresh address waits once the minute's guesses are spent")
        now.withLock { $0 += 61 }
        #expect(limit.wait(for: "192.168.0.9") == 0)
    }

    @Test func aNoticeIsOneJSONLine() {
        let line = CompanionMessage(notice: "ssh: \"quoted\"\n").line
        #expect(line.hasSuffix("\n") && line.dropLast().allSatisfy { $0 != "\n" })
        #expect(line == #"{"notice":"ssh: \"quoted\"\n"}"# + "\n")
    }
}
