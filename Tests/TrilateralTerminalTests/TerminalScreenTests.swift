import Glibc
import Testing
@testable import TrilateralTerminal
import TrilateralUI

/// `TerminalScreen.draw(_:over:)` through ncurses itself, on a socket that keeps each write()
/// a record of its own: a frame leaves in one write, and a frame over the one before sends
/// only what changed (which cells the screen hands ncurses is `ScreenDiffTests`' part).
@MainActor
@Suite("Terminal screen")
struct TerminalScreenTests {
    /// The records waiting on `socket`, one a write().
    func sent(_ socket: Int32) -> [String] {
        var records: [String] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard n > 0 else { break }
            records.append(String(decoding: buffer.prefix(n), as: UTF8.self))
        }
        return records
    }

    @Test("a frame is one write; over the frame before, only the changed cells go, and an unchanged frame sends nothing")
    func oneWritePerFrame() throws {
        var ends: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &ends) == 0)
        let output = try #require(fdopen(ends[0], "w"))
        let input = try #require(fopen("/dev/null", "r"))
        let screen = try TerminalScreen(term: "xterm-256color", output: output, input: input, colorPreference: .always, environment: [:])
        defer {
            screen.restore()
            fclose(output); fclose(input); close(ends[1])
        }
        _ = sent(ends[1])   // the set-up

        var first = Canvas(size: screen.size)
        first.fill(first.bounds, role: .panel)
        first.text(" Trilateral │ the title bar", x: 0, y: 0, role: .titleBar)
        for y in 1..<first.size.height { first.text("row \(y) of the first frame", x: 2, y: y, role: y % 2 == 0 ? .text : .muted) }
        screen.draw(first)
        let whole = sent(ends[1])
        #expect(whole.count == 1, "the first frame took \(whole.count) writes")
        #expect(whole.joined().contains("row 5 of the first frame"))

        var second = first
        second.text("Q", x: 2, y: 5, role: .selection)
        screen.draw(second, over: first)
        let change = sent(ends[1])
        #expect(change.count == 1, "one changed cell took \(change.count) writes")
        #expect(change.joined().contains("Q"))
        #expect(!change.joined().contains("first frame"), "unchanged cells were sent again: \(change.joined().debugDescription)")

        screen.draw(second, over: second)
        #expect(sent(ends[1]).isEmpty)
    }
}
