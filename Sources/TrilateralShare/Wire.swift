import FoundationEssentials
import Glibc
import TrilateralModel
import TrilateralUI

/// The shared-session protocol, version 4 (the view is `SharedState`; followers report whether
/// they are browsing on their own; the presenter view has its own socket, cues and commands).
///
/// A connection starts with a 5-byte preamble, `TRIL` and the version byte; then frames, each a
/// 4-byte big-endian length, a 1-byte type and that many bytes of JSON (the length counts the
/// type byte too). The presenter sends one `hello` (session, and the briefing's own YAML, so a
/// follower on another account needs no file), then a `view` whenever what it shows changes —
/// always a whole snapshot, so a follower that missed some is right again with the next. A new
/// `hello` mid-session means the presenter's briefing file was reloaded (`--watch`); views after
/// it refer to the new briefing.
/// A follower sends the same preamble, then only `status` frames: whether it is following or
/// browsing on its own, when that changes (the presenter shows the counts). Anything else from
/// a follower, a status over its size, or more than a few a second, and the presenter drops it.
///
/// The presenter view (`follow --presenter-view`, on the presenter's own owner-only socket,
/// `SessionAddress.presenterViewPath`) gets the same frames plus a `cue` after every view (the
/// tour's clock), and may send `command` frames (next or previous tour step). Only there does
/// the hello carry the speaker notes; an audience's hello has them removed (`SpeakerNotes`).
public enum Wire {
    public static let version: UInt8 = 4
    public static let preamble: [UInt8] = Array("TRIL".utf8) + [version]

    /// The kinds of frame, with the largest body each may have.
    public enum Kind: UInt8, Sendable {
        case hello = 1
        case view = 2
        /// The presenter will not take this follower (it is full): why, then the connection ends.
        case refused = 3
        /// Follower → presenter: following or browsing on its own.
        case status = 4
        /// Presenter → presenter view: the tour's clock.
        case cue = 5
        /// Presenter view → presenter: step the tour.
        case command = 6

        public var maximumLength: Int {
            switch self {
            case .hello: 82 << 20   // a briefing file (64 MiB at most), its source texts (8 MiB, escaped at most twice over) and a little JSON
            case .view: 256 << 10
            case .refused: 1 << 10
            case .status: 128   // {"answer":{"option":N,"poll":N},"browsing":false,"via":"web"} and room to spare
            case .cue: 256
            case .command: 64
            }
        }

        /// What a follower may receive, and what a presenter may.
        public static let toFollower: Set<Kind> = [.hello, .view, .refused]
        public static let toPresenter: Set<Kind> = [.status]
        /// What the presenter view may receive, and what the presenter takes from it.
        public static let toPresenterView: Set<Kind> = toFollower.union([.cue])
        public static let fromPresenterView: Set<Kind> = [.status, .command]
    }

    /// The first message: who presents, and what.
    public struct Hello: Codable, Equatable, Sendable {
        public var app: String
        public var session: String
        /// Where the presenter read the briefing (for messages only).
        public var briefingFile: String
        /// A digest of `briefingText` and `sourceTexts`, so a reconnecting follower can skip
        /// reloading them.
        public var briefingDigest: String
        public var briefingText: String
        /// The source texts the presenter read, by source id, so a follower can show the
        /// paragraph behind a citation (`p`). Absent from an older presenter's hello.
        public var sourceTexts: [String: SourceText]?

        /// The most source text a hello carries (all sources together, in bytes): beyond it the
        /// texts stay with the presenter and followers show the quotes alone.
        public static let sourceTextLimit = 8 << 20

        public init(app: String, session: String, briefingFile: String, briefingText: String, sourceTexts: [String: SourceText] = [:]) {
            self.app = app
            self.session = session
            self.briefingFile = briefingFile
            self.briefingText = briefingText
            var size = 0
            for text in sourceTexts.values { for p in text.paragraphs { size += p.utf8.count + 8 } }
            let kept = size <= Self.sourceTextLimit ? sourceTexts : [:]
            self.sourceTexts = kept.isEmpty ? nil : kept
            var digested = briefingText
            for (id, text) in kept.sorted(by: { $0.key < $1.key }) {
                digested += "\u{0}" + id + "\u{0}" + text.paragraphs.joined(separator: "\u{0}")
            }
            self.briefingDigest = Wire.digest(digested)
        }
    }

    /// One decoded message.
    public enum Message: Equatable, Sendable {
        case hello(Hello)
        case view(SharedState)
        case refused(Refusal)
        case status(Status)
        case cue(TourClock)
        case command(PresenterCommand)
    }

    /// What a follower tells its presenter: whether it is browsing on its own, and its answer
    /// to the open poll. Nothing else about the viewer (the presenter shows only counts). An
    /// older presenter ignores the answer; an older follower sends none.
    public struct Status: Codable, Equatable, Sendable {
        public var browsing: Bool
        public var answer: PollAnswer?
        /// How the viewer reached the presenter, when not at a terminal of this host: `ssh` for a
        /// viewer of `present --ssh`, `web` for one of `present --web` (`Audience.Route`). Counts
        /// only; a presenter ignores a value it does not know. `relay` is not a viewer: a door's own
        /// reader of the presenter's views (`present --web` reads them once for every browser),
        /// which the presenter does not count.
        public var via: String?
        public init(browsing: Bool, answer: PollAnswer? = nil, via: String? = nil) { self.browsing = browsing; self.answer = answer; self.via = via }
        /// `via` of a door's own reader, not counted as a viewer.
        public static let relay = "relay"
    }

    /// Why a presenter turned a follower away.
    public struct Refusal: Codable, Equatable, Sendable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// A frame ready to write.
    public static func frame(_ kind: Kind, _ body: Data) -> Data {
        var data = Data(capacity: body.count + 5)
        let length = UInt32(body.count + 1)
        data.append(contentsOf: [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)])
        data.append(kind.rawValue)
        data.append(body)
        return data
    }

    public static func frame(_ hello: Hello) -> Data { frame(.hello, try! encoder.encode(hello)) }
    public static func frame(_ view: SharedState) -> Data { frame(.view, try! encoder.encode(view)) }
    public static func frame(_ refusal: Refusal) -> Data { frame(.refused, try! encoder.encode(refusal)) }
    public static func frame(_ status: Status) -> Data { frame(.status, try! encoder.encode(status)) }
    public static func frame(_ cue: TourClock) -> Data { frame(.cue, try! encoder.encode(cue)) }
    public static func frame(_ command: PresenterCommand) -> Data { frame(.command, try! encoder.encode(command)) }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// FNV-1a, 64 bits, in hex: a cache key, not a security check.
    public static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// Why a stream was refused (worded for the follower reading a presenter's). Each ends the
/// connection.
public enum WireError: Error, Equatable, CustomStringConvertible, Sendable {
    case notTrilateral
    case otherVersion(UInt8)
    case unknownKind(UInt8)
    /// A kind of frame the other end must not send this way (a follower's `view`, a presenter's `status`).
    case unexpected(UInt8)
    case oversized(kind: UInt8, length: Int)
    case malformed(String)

    public var description: String {
        switch self {
        case .notTrilateral: "the socket did not answer as a trilateral presenter"
        case .otherVersion(let v): "the presenter speaks protocol \(v); this follower speaks \(Wire.version) — use the same trilateral version"
        case .unknownKind(let k): "the presenter sent a frame of unknown type \(k)"
        case .unexpected(let k): "a frame of type \(k) came the wrong way"
        case .oversized(let k, let n): "the presenter sent a frame of type \(k) with \(n) bytes, over the limit"
        case .malformed(let why): "the presenter sent a malformed message (\(why))"
        }
    }
}

/// Reassembles messages from a byte stream that arrives in pieces of any size.
public struct FrameReader: Sendable {
    private var buffer = Data()
    private var sawPreamble = false
    private let accepting: Set<Wire.Kind>

    /// A reader for one direction: a follower's (the default) takes hello, view and refused;
    /// a presenter's, `Wire.Kind.toPresenter`.
    public init(accepting: Set<Wire.Kind> = Wire.Kind.toFollower) { self.accepting = accepting }

    /// Adds bytes; returns every message now complete, in order. Throws on the first problem
    /// (and everything after it on the connection should be dropped).
    public mutating func feed(_ bytes: Data) throws(WireError) -> [Wire.Message] {
        buffer.append(bytes)
        var messages: [Wire.Message] = []
        if !sawPreamble {
            let expected = Wire.preamble
            let have = Array(buffer.prefix(expected.count))
            for (byte, want) in zip(have.prefix(4), expected) where byte != want { throw .notTrilateral }
            if have.count < expected.count { return [] }
            guard have[4] == Wire.version else { throw .otherVersion(have[4]) }
            buffer.removeFirst(expected.count)
            sawPreamble = true
        }
        while buffer.count >= 5 {
            let b = Array(buffer.prefix(5))
            let length = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
            guard let kind = Wire.Kind(rawValue: b[4]) else { throw .unknownKind(b[4]) }
            guard accepting.contains(kind) else { throw .unexpected(b[4]) }
            guard length >= 1, length - 1 <= kind.maximumLength else { throw .oversized(kind: b[4], length: length) }
            guard buffer.count >= 4 + length else { break }
            let body = buffer.subdata(in: buffer.startIndex + 5 ..< buffer.startIndex + 4 + length)
            buffer.removeFirst(4 + length)
            messages.append(try Self.decode(kind, body))
        }
        return messages
    }

    static func decode(_ kind: Wire.Kind, _ body: Data) throws(WireError) -> Wire.Message {
        do {
            switch kind {
            case .hello: return .hello(try JSONDecoder().decode(Wire.Hello.self, from: body))
            case .view: return .view(try JSONDecoder().decode(SharedState.self, from: body))
            case .refused: return .refused(try JSONDecoder().decode(Wire.Refusal.self, from: body))
            case .status: return .status(try JSONDecoder().decode(Wire.Status.self, from: body))
            case .cue: return .cue(try JSONDecoder().decode(TourClock.self, from: body))
            case .command: return .command(try JSONDecoder().decode(PresenterCommand.self, from: body))
            }
        } catch {
            throw .malformed("\(kind): \(String(describing: error).prefix(120))")
        }
    }
}

extension Wire.Hello {
    /// The presenter's briefing, as a follower loads it: the text parsed here, and the
    /// presenter's source texts given to the sources that name a text file (for the
    /// paragraph view); or why it does not load.
    public func briefing() -> Result<Briefing, LoadError> {
        BriefingLoader.load(text: briefingText, file: "presenter's \(briefingFile)").map { loaded in
            var briefing = loaded.briefing
            for (id, text) in sourceTexts ?? [:] {
                guard let i = briefing.sources.firstIndex(where: { $0.id == id && $0.textFile != nil }) else { continue }
                briefing.sources[i].text = text
            }
            return briefing
        }
    }
}
