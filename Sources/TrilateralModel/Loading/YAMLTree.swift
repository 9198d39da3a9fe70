import CLibYAML

/// One YAML document as a compact tree: libyaml's events folded into flat arrays of small
/// nodes (no object per node), with every node's line and column kept for diagnostics.
///
/// Why not a general YAML library's node tree: a 100,000-event briefing is a few million
/// nodes, and an object (plus a tag object) per node cost hundreds of megabytes. Here a node
/// is 20 bytes and scalar text lives in one byte buffer; strings are made only when a decoder
/// asks for a field. Tags are ignored: the decoders read scalars as text and convert them
/// themselves (a plain `~`, `null` or empty scalar is null).
package struct YAMLTree: Sendable {
    package enum Kind: UInt8, Sendable { case scalar, sequence, mapping }

    /// A node: a scalar's bytes, or a container's children (a mapping's as key, value pairs).
    package struct Node: Sendable {
        package var kind: Kind
        /// A plain (unquoted, unfolded) scalar: only these can be null.
        package var plain: Bool
        package var line: Int32
        package var column: Int32
        /// Scalar: offset into `text`. Container: index of the first child in `children`.
        var start: Int32
        /// Scalar: byte length. Container: number of children (twice the pairs of a mapping).
        var count: Int32
    }

    /// Why a document was refused, at a 1-based line and column.
    package struct Failure: Error, Sendable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    package private(set) var nodes: [Node] = []
    private(set) var children: [Int32] = []
    /// Every scalar's UTF-8 text, end to end.
    private(set) var text: [UInt8] = []
    /// The root node's index.
    package private(set) var root: Int32 = 0

    /// Containers nested deeper than this are refused (libyaml itself has no limit).
    package static let maximumDepth = 1000

    /// Parses the first document of `bytes` (UTF-8, a leading byte-order mark allowed).
    /// Aliases are shared, not copied; a document whose aliases would expand past
    /// `expansionLimit` nodes is refused, so "billion laughs" input costs nothing.
    package init(parsing bytes: [UInt8], expansionLimit: Int) throws(Failure) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(line: 1, column: 1, message: "cannot start the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try build(&parser, expansionLimit: expansionLimit)
        }
    }

    /// An open container while its children arrive.
    private struct Frame {
        var node: Int32
        var kids: [Int32] = []
        var weight = 1
    }

    private mutating func build(_ parser: inout yaml_parser_t, expansionLimit: Int) throws(Failure) {
        var stack: [Frame] = []
        /// Each node's size with aliases expanded (containers' only final once closed).
        var weights: [Int] = []
        var anchors: [String: Int32] = [:]
        var rootSet = false
        var event = yaml_event_t()

        func mark(_ m: yaml_mark_t) -> (Int32, Int32) { (Int32(clamping: m.line + 1), Int32(clamping: m.column + 1)) }
        func fail(_ m: yaml_mark_t, _ message: String) -> Failure {
            Failure(line: Int(m.line) + 1, column: Int(m.column) + 1, message: message)
        }
        func anchorName(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
                let context = parser.context.map { String(cString: $0) }
                throw fail(parser.problem_mark, "not valid YAML: \(problem)\(context.map { " (\($0))" } ?? "")")
            }
            defer { yaml_event_delete(&event) }
            let (line, column) = mark(event.start_mark)
            var finished: Int32?
            var finishedWeight = 1
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                continue
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                if !rootSet { throw Failure(line: 1, column: 1, message: "the file holds no YAML document") }
                return
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let offset = Int32(clamping: text.count)
                if let value = scalar.value, scalar.length > 0 {
                    text.append(contentsOf: UnsafeBufferPointer(start: value, count: scalar.length))
                }
                let node = Int32(nodes.count)
                nodes.append(Node(kind: .scalar, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line, column: column,
                                  start: offset, count: Int32(clamping: scalar.length)))
                weights.append(1)
                if let name = anchorName(scalar.anchor) { anchors[name] = node }
                finished = node
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < Self.maximumDepth else {
                    throw fail(event.start_mark, "nested more than \(Self.maximumDepth) levels deep; refusing")
                }
                let node = Int32(nodes.count)
                let kind: Kind = event.type == YAML_SEQUENCE_START_EVENT ? .sequence : .mapping
                nodes.append(Node(kind: kind, plain: false, line: line, column: column, start: 0, count: 0))
                weights.append(1)
                let anchor = kind == .sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if let name = anchorName(anchor) { anchors[name] = node }
                stack.append(Frame(node: node))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                nodes[Int(frame.node)].start = Int32(clamping: children.count)
                nodes[Int(frame.node)].count = Int32(clamping: frame.kids.count)
                children.append(contentsOf: frame.kids)
                weights[Int(frame.node)] = frame.weight
                finished = frame.node
                finishedWeight = frame.weight
            case YAML_ALIAS_EVENT:
                let name = anchorName(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else { throw fail(event.start_mark, "alias '*\(name)' names no anchor defined before it") }
                if stack.contains(where: { $0.node == target }) {
                    throw fail(event.start_mark, "alias '*\(name)' refers to a node that contains it")
                }
                finished = target
                finishedWeight = weights[Int(target)]
            default:
                continue
            }
            guard let node = finished else { continue }
            if stack.isEmpty {
                root = node
                rootSet = true
            } else {
                stack[stack.count - 1].kids.append(node)
                stack[stack.count - 1].weight += finishedWeight
                if stack[stack.count - 1].weight > expansionLimit {
                    throw fail(event.start_mark, "aliases expand to more than \(expansionLimit) nodes (an alias bomb?); refusing")
                }
            }
        }
    }

    /// The text of a scalar node.
    package func string(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        guard n.kind == .scalar, n.count > 0 else { return "" }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(n.start)..<Int(n.start) + Int(n.count)]), as: UTF8.self)
        }
    }

    /// Whether a node is a null scalar: plain `~`, `null`, `Null`, `NULL` or nothing.
    package func isNull(_ node: Int32) -> Bool {
        let n = nodes[Int(node)]
        guard n.kind == .scalar, n.plain else { return false }
        if n.count == 0 { return true }
        guard n.count <= 4 else { return false }
        return ["~", "null", "Null", "NULL"].contains(string(node))
    }

    /// A container's children (a mapping's as key, value, key, value …).
    package func children(of node: Int32) -> ArraySlice<Int32> {
        let n = nodes[Int(node)]
        guard n.kind != .scalar else { return [] }
        return children[Int(n.start)..<Int(n.start) + Int(n.count)]
    }

    /// A node's 1-based line and column.
    package func mark(_ node: Int32) -> (line: Int, column: Int) {
        let n = nodes[Int(node)]
        return (Int(n.line), Int(n.column))
    }

    /// The kind of a node, for people: "a mapping", "a list", "the scalar 'x'", "nothing (null)".
    package func describe(_ node: Int32) -> String {
        switch nodes[Int(node)].kind {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: isNull(node) ? "nothing (null)" : "the scalar '\(string(node).prefix(40))'"
        }
    }
}
