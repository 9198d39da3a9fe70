import Testing
import TrilateralUI
@testable import TrilateralRemote

/// `KeyBytes`: what an SSH client's bytes mean as keys.
@Suite struct KeyBytesTests {
    func keys(_ reads: String...) -> [Input] {
        var decoder = KeyBytes()
        return reads.flatMap { decoder.feed(Array($0.utf8)) }
    }

    @Test func arrowsInBothForms() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.key(.up), .key(.down), .key(.right), .key(.left)])
    }

    @Test func otherFunctionKeys() {
        #expect(keys("\u{1B}[H\u{1B}[F\u{1B}[5~\u{1B}[6~\u{1B}[Z\u{1B}[3~") == [.key(.home), .key(.end), .key(.pageUp), .key(.pageDown), .key(.backTab), .key(.delete)])
        #expect(keys("\r\t\u{7F}\u{03}") == [.key(.enter), .key(.tab), .key(.backspace), .key(.ctrl("c"))])
    }

    @Test func aLoneEscAtTheEndOfAReadIsEsc() {
        #expect(keys("q\u{1B}") == [.key(.char("q")), .key(.escape)])
        #expect(keys("\u{1B}", "f") == [.key(.escape), .key(.char("f"))])
    }

    @Test func aSequenceCutBetweenReadsWaitsForItsRest() {
        #expect(keys("\u{1B}[", "A") == [.key(.up)])
    }

    @Test func mouseReports() {
        #expect(keys("\u{1B}[<0;10;5M") == [.mouse(MouseEvent(x: 9, y: 4, kind: .press))])
        #expect(keys("\u{1B}[<64;1;1M") == [.mouse(MouseEvent(x: 0, y: 0, kind: .wheelUp))])
    }

    @Test func utf8CutBetweenReadsAndInvalidBytes() {
        var decoder = KeyBytes()
        let e = Array("é".utf8)
        #expect(decoder.feed([e[0]]) == [])
        #expect(decoder.feed([e[1]]) == [.key(.char("é"))])
        #expect(decoder.feed([0xC3, 0x28] + Array("f".utf8)) == [.key(.char("(")), .key(.char("f"))], "a lead byte cut short gives way to the key after it")
        var fresh = KeyBytes()
        let after = fresh.feed([0xFF] + Array("f".utf8))
        #expect(after == [.key(.char("f"))], "a byte that starts nothing is dropped, the key after it is not")
    }
}
