import BuiltInBriefings
import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralShare
import TrilateralUI

@Suite("Wire protocol")
struct WireTests {
    let briefing = BuiltInBriefings.standard

    func stream() -> Data {
        var state = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        for key in ["\t", "j", "j"] { AppReducer.handle(&state, .key(key == "\t" ? .tab : .char(Character(key)))) }
        var data = Data(Wire.preamble)
        data.append(Wire.frame(Wire.Hello(app: "test", session: "s", briefingFile: "f.yaml", briefingText: "title: x\n")))
        data.append(Wire.frame(state.shared))
        return data
    }

    @Test("a hello carries the source texts, and an older one without them still decodes")
    func helloWithSourceTexts() throws {
        let texts = ["article": SourceText(file: "a.txt", paragraphs: ["One.", "Two “quoted”."])]
        let hello = Wire.Hello(app: "t", session: "s", briefingFile: "f", briefingText: "title: x\n", sourceTexts: texts)
        var reader = FrameReader()
        var data = Data(Wire.preamble)
        data.append(Wire.frame(hello))
        #expect(try reader.feed(data) == [.hello(hello)])
        #expect(hello.sourceTexts == texts)
        // A changed text is a new digest, so a reconnecting follower reloads it.
        let changed = Wire.Hello(app: "t", session: "s", briefingFile: "f", briefingText: "title: x\n",
                                 sourceTexts: ["article": SourceText(file: "a.txt", paragraphs: ["One.", "Two."])])
        #expect(changed.briefingDigest != hello.briefingDigest)
        #expect(Wire.Hello(app: "t", session: "s", briefingFile: "f", briefingText: "title: x\n").briefingDigest != hello.briefingDigest)
        let old = try JSONDecoder().decode(Wire.Hello.self, from: Data(#"{"app":"t","session":"s","briefingFile":"f","briefingDigest":"0","briefingText":"x"}"#.utf8))
        #expect(old.sourceTexts == nil)
    }

    @Test("texts past the limit stay with the presenter")
    func sourceTextsPastTheLimitAreLeftOut() {
        let big = ["a": SourceText(file: "a.txt", paragraphs: [String(repeating: "x", count: Wire.Hello.sourceTextLimit)])]
        #expect(Wire.Hello(app: "t", session: "s", briefingFile: "f", briefingText: "", sourceTexts: big).sourceTexts == nil)
    }

    @Test("messages survive being split into pieces of any size")
    func reassembly() throws {
        let data = stream()
        var whole = FrameReader()
        let expected = try whole.feed(data)
        #expect(expected.count == 2)
        for piece in [1, 2, 3, 7, 64] {
            var reader = FrameReader()
            var got: [Wire.Message] = []
            var offset = 0
            while offset < data.count {
                let end = min(data.count, offset + piece)
                got += try reader.feed(data.subdata(in: offset..<end))
                offset = end
            }
            #expect(got == expected, "piece size \(piece)")
        }
    }

    @Test("a stream that is not ours, or another version, is refused at once")
    func preamble() {
        var reader = FrameReader()
        #expect(throws: WireError.notTrilateral) { try reader.feed(Data("HTTP/1.1 200 OK\r\n".utf8)) }
        var other = FrameReader()
        #expect(throws: WireError.otherVersion(9)) { try other.feed(Data(Array("TRIL".utf8) + [9])) }
        var partial = FrameReader()
        #expect((try? partial.feed(Data("TR".utf8))) == [])
    }

    @Test("an oversized frame is refused from its header, before any body arrives")
    func oversized() {
        var reader = FrameReader()
        var data = Data(Wire.preamble)
        data.append(contentsOf: [0x7f, 0xff, 0xff, 0xff, Wire.Kind.view.rawValue])
        #expect(throws: WireError.oversized(kind: 2, length: 0x7fff_ffff)) { try reader.feed(data) }
    }

    @Test("unknown frame types and garbage JSON are refused with a reason")
    func garbage() {
        var reader = FrameReader()
        var data = Data(Wire.preamble)
        data.append(Wire.frame(.view, Data("{not json".utf8)))
        #expect(throws: WireError.self) { try reader.feed(data) }
        var unknown = FrameReader()
        var bytes = Data(Wire.preamble)
        bytes.append(contentsOf: [0, 0, 0, 1, 77])
        #expect(throws: WireError.unknownKind(77)) { try unknown.feed(bytes) }
    }

    /// Many real views, fed whole and fed in random pieces, give the same messages.
    @Test("any split of a stream of views reads the same", arguments: 0..<50)
    func chunking(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        var state = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        var data = Data(Wire.preamble)
        data.append(Wire.frame(Wire.Hello(app: "t", session: "s", briefingFile: "f", briefingText: "x")))
        let keys: [Key] = [.tab, .down, .enter, .char("w"), .char("1"), .char("b"), .char(" "), .char("t"), .char("+"), .char("H"), .char("S")]
        for _ in 0..<20 {
            AppReducer.handle(&state, .key(keys[Int(rng.next() % UInt64(keys.count))]))
            data.append(Wire.frame(state.shared))
        }
        var whole = FrameReader()
        let expected = try whole.feed(data)
        #expect(expected.count == 21)
        var pieces = FrameReader()
        var got: [Wire.Message] = []
        var offset = 0
        while offset < data.count {
            let end = min(data.count, offset + 1 + Int(rng.next() % 900))
            got += try pieces.feed(data.subdata(in: offset..<end))
            offset = end
        }
        #expect(got == expected)
    }

    /// A stream with one byte changed is refused, or reads as at most the frames it had: random
    /// damage never invents messages or crashes the reader.
    @Test("a damaged stream is refused or reads short", arguments: 0..<100)
    func damage(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        var data = stream()
        let at = Wire.preamble.count + Int(rng.next() % UInt64(data.count - Wire.preamble.count))
        data[at] ^= UInt8(1 + rng.next() % 255)
        var reader = FrameReader()
        do {
            let messages = try reader.feed(data)
            #expect(messages.count <= 2)
        } catch {
            #expect(!"\(error)".isEmpty)
        }
    }

    @Test("the digest tells briefings apart and is stable")
    func digest() {
        #expect(Wire.digest("a") == Wire.digest("a"))
        #expect(Wire.digest("a") != Wire.digest("b"))
    }
}
