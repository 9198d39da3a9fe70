import FoundationEssentials
import TrilateralModel

/// `export --polls FILE`: a session's closed polls as `present --record` wrote them, read and
/// checked against the briefing being exported. A problem is reported at its file, line, column
/// and field: the JSON is also read as YAML (JSON is YAML) only to find where a field is.
enum PollLogFile {
    /// The polls of the record at `path`, every one about a factor and options `briefing` has.
    static func load(_ path: String, for briefing: Briefing) throws -> [PollRecord] {
        let bytes: [UInt8]
        switch YAMLDocument.read(path: path, limit: 8 << 20, what: "poll record") {
        case .success(let read): bytes = read
        case .failure(let error): throw Failure(error)
        }
        // Where a field is; for a file that does not parse, where it stops parsing.
        var tree: YAMLTree?, broken = (line: 1, column: 1)
        do { tree = try YAMLTree(parsing: bytes, expansionLimit: 1 << 20) } catch { broken = (error.line, error.column) }
        func fail(_ field: [String], _ message: String) -> Failure {
            let (line, column) = tree.map { locate(field, in: $0) } ?? broken
            return Failure("trilateral: \(path):\(line):\(column): \(field.isEmpty ? "(file)" : Self.path(field)): \(message)", status: 65)
        }
        let log: PollLog
        do {
            log = try JSONDecoder().decode(PollLog.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw fail(Self.field(of: error), Self.describe(error))
        } catch {
            throw fail([], "not a poll record (\(error))")
        }
        guard log.briefing == briefing.title else {
            throw fail(["briefing"], "recorded on “\(log.briefing)”, not on this briefing (“\(briefing.title)”): export the briefing the polls were asked on")
        }
        /// More people than any room holds: a count past this is a broken record.
        let most = 1_000_000
        for (i, poll) in log.polls.enumerated() {
            let at = ["polls", "\(i)"]
            guard poll.number > 0 else { throw fail(at + ["number"], "a poll's number is 1 or more") }
            guard let factor = briefing.factors.first(where: { $0.id == poll.factor }) else {
                throw fail(at + ["factor"], "no factor “\(poll.factor)” in this briefing")
            }
            guard !poll.counts.isEmpty else { throw fail(at + ["counts"], "a poll has a count for each of its options") }
            var seen: Set<String> = []
            for (j, count) in poll.counts.enumerated() {
                guard factor.options.contains(where: { $0.id == count.option }) else {
                    throw fail(at + ["counts", "\(j)", "option"], "no option “\(count.option)” in factor “\(factor.id)”")
                }
                guard seen.insert(count.option).inserted else { throw fail(at + ["counts", "\(j)", "option"], "“\(count.option)” is counted twice") }
                guard (0...most).contains(count.count) else { throw fail(at + ["counts", "\(j)", "count"], "a count is 0 to \(most)") }
            }
            guard (0...most).contains(poll.notAnswered) else { throw fail(at + ["notAnswered"], "a count is 0 to \(most)") }
            guard poll.opened.isFinite, poll.closed.isFinite, poll.opened <= poll.closed else {
                throw fail(at + ["closed"], "a poll closes after it opens (seconds since 1970)")
            }
            if let applied = poll.applied, !poll.leaders.contains(where: { $0.option == applied }) || poll.leaders.count != 1 {
                throw fail(at + ["applied"], "“\(applied)” is not the one option with the most answers, which is all a presenter can apply")
            }
        }
        return log.polls
    }

    /// `polls[2].counts[0].option`.
    static func path(_ field: [String]) -> String {
        field.reduce("") { out, part in Int(part) != nil ? out + "[\(part)]" : (out.isEmpty ? part : out + "." + part) }
    }

    /// Where a decoding error points, as keys and indices.
    static func field(of error: DecodingError) -> [String] {
        let (path, last): ([any CodingKey], (any CodingKey)?) = switch error {
        case .keyNotFound(let key, let context): (context.codingPath, key)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): (context.codingPath, nil)
        @unknown default: ([], nil)
        }
        return (path + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing: a poll record has “\(key.stringValue)” here"
        case .typeMismatch(let type, _): "expected \(type == String.self ? "a string" : type == Int.self || type == Double.self ? "a number" : "\(type)")"
        case .valueNotFound(let type, _): "expected \(type), found null"
        case .dataCorrupted(let context): "not JSON a poll record can be read from (\(context.debugDescription))"
        @unknown default: "not a poll record"
        }
    }

    /// The line and column of a field in the parsed document: the deepest node of the path
    /// that exists (a missing key is reported at its mapping).
    static func locate(_ field: [String], in tree: YAMLTree) -> (Int, Int) {
        var node = tree.root
        for part in field {
            let kids = Array(tree.children(of: node))
            guard tree.nodes[Int(node)].kind == .mapping else {
                guard let i = Int(part), kids.indices.contains(i), tree.nodes[Int(node)].kind == .sequence else { break }
                node = kids[i]
                continue
            }
            guard let pair = stride(from: 0, to: kids.count - 1, by: 2).first(where: { tree.string(kids[$0]) == part }) else { break }
            node = kids[pair + 1]
        }
        return tree.mark(node)
    }
}
