import Glibc
import TrilateralModel

/// One place a search matched: an item of a pane.
public struct SearchMatch: Hashable, Sendable {
    public var pane: Int
    public var index: Int
}

/// The search over the whole briefing: the query (shared with followers, with whether it is
/// being typed and which match `n`/`N` last went to), and what it matches, found again on
/// each side from the query.
public struct SearchState: Codable, Equatable, Sendable {
    /// What was typed (at most `Limits.searchLength` characters).
    public private(set) var query = ""
    public var editing = false
    public var current: Int?
    /// Every match in pane order (derived from the query; not sent to followers).
    public internal(set) var matches: [SearchMatch] = []
    /// The query folded for matching (derived).
    public private(set) var folded = ""

    public init(query: String = "", editing: Bool = false) {
        self.editing = editing
        setQuery(query)
    }

    public var isActive: Bool { !query.isEmpty }

    /// Replaces the query (cut to the length limit) and its folded form.
    public mutating func setQuery(_ text: String) {
        query = String(text.prefix(Limits.searchLength))
        folded = SearchState.fold(query)
    }

    enum CodingKeys: String, CodingKey { case query, editing, current }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(query: try c.decode(String.self, forKey: .query), editing: try c.decode(Bool.self, forKey: .editing))
        current = try c.decodeIfPresent(Int.self, forKey: .current)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(editing, forKey: .editing)
        try c.encodeIfPresent(current, forKey: .current)
    }

    /// Folds text for matching: case-, diacritic- and width-insensitive (`TextFold`).
    public static func fold(_ text: String) -> String { TextFold.fold(text) }

    /// Whether folded `text` contains folded `needle`, comparing UTF-8 bytes (both sides come
    /// from `fold`, so equal text has equal bytes); memchr finds each candidate start. About
    /// fifty times faster than `String.contains`, which a search over 100,000 events needs.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n in
                guard let tBase = t.baseAddress, let nBase = n.baseAddress else { return n.isEmpty }
                guard n.count <= t.count else { return false }
                var start = 0
                let last = t.count - n.count
                while start <= last {
                    guard let hit = memchr(tBase + start, Int32(n[0]), last - start + 1) else { return false }
                    let offset = tBase.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(tBase + offset, nBase, n.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}

/// Typing a search and stepping through its matches.
public enum SearchAction: Equatable, Sendable {
    case start
    case input(Character)
    case backspace
    case commit
    case cancel
    case next, previous
    /// The matches found again (the timeline's layers changed), keeping the current one when
    /// it is still a match.
    case refind(keeping: SearchHit?)
}

/// A match by what it points at rather than where: a pane and the item it lists there.
public struct SearchHit: Equatable, Sendable {
    public var pane: Int
    public var item: Item
}
