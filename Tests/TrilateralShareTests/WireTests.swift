import Foundation
import TestSupport
import Testing
import TrilateralModel
@testable import TrilateralShare
import TrilateralUI

@Suite("Wire protocol")
struct WireTests {
    let briefing = BriefingLoader.builtIn()

    func stream() -> Data {
        var state = AppState(briefing: briefing, size: Size(width: 120, height: 40))
        for key in ["\t", "j", "j"] { Reducer.handle(&state, .key(key == "\t" ? .tab : .char(Character(key)))) }
        var data = Data(Wire.preamble)
        data.append(Wire.frame(Wire.Hello(app: "test", session: "s", briefingFile: "f.yaml", briefingText: "title: x\n")))
        data.append(Wire.frame(SharedView(of: state)))
        return data
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

    @Test("random bytes never crash the reader", arguments: 0..<200)
    func random(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        var data = Data(Wire.preamble)
        let count = Int(generator.next() % 300)
        data.append(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        var reader = FrameReader()
        _ = try? reader.feed(data)
    }

    @Test("the digest tells briefings apart and is stable")
    func digest() {
        #expect(Wire.digest("a") == Wire.digest("a"))
        #expect(Wire.digest("a") != Wire.digest("b"))
    }
}
