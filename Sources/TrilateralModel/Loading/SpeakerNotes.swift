import CLibYAML

/// The tour's speaker notes cut out of a briefing's YAML text, for an audience: a presenter
/// sends followers its briefing's own text (so a follower on another account needs no file),
/// and the notes are the presenter's alone.
///
/// Why edit the text rather than write the briefing out again: there is no YAML writer for a
/// `Briefing`, and the text a follower loads should be the author's own, with the same line
/// numbers in any message it causes. Each `tour[n].notes` value is found by libyaml's events
/// and replaced with `""` plus the line breaks it spanned; the result is then loaded and must
/// equal the original with every note empty, or nothing is returned.
public enum SpeakerNotes {
    /// `text` with every speaker note removed, or nil when that cannot be done with certainty
    /// (the text does not load; a note is an alias, an anchor others refer to, or not a string).
    public static func removed(from text: String) -> String? {
        guard case .success(let original) = BriefingLoader.load(text: text, file: "briefing") else { return nil }
        guard original.briefing.tour.contains(where: { !$0.notes.isEmpty }) else { return text }
        let bytes = Array(text.utf8)
        guard let spans = noteSpans(bytes) else { return nil }
        var out: [UInt8] = []
        var at = 0
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            guard span.lowerBound >= at, span.upperBound <= bytes.count else { return nil }
            out += bytes[at..<span.lowerBound]
            out += Array("\"\"".utf8)
            out += bytes[span].filter { $0 == 0x0A }
            at = span.upperBound
        }
        out += bytes[at...]
        let redacted = String(decoding: out, as: UTF8.self)
        guard case .success(let loaded) = BriefingLoader.load(text: redacted, file: "briefing") else { return nil }
        var expected = original.briefing
        for i in expected.tour.indices { expected.tour[i].notes = "" }
        return loaded.briefing == expected ? redacted : nil
    }

    /// The byte ranges of the `tour[n].notes` scalars, or nil for a note that cannot be cut
    /// out on its own.
    static func noteSpans(_ bytes: [UInt8]) -> [Range<Int>]? {
        // Byte offset of each line's start, to turn libyaml's line and column (in characters)
        // into byte offsets.
        var lineStarts = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
        func offset(_ mark: yaml_mark_t) -> Int? {
            guard Int(mark.line) < lineStarts.count else { return mark.line == lineStarts.count ? bytes.count : nil }
            var at = lineStarts[Int(mark.line)], characters = 0
            while characters < Int(mark.column) && at < bytes.count {
                at += 1
                while at < bytes.count && bytes[at] & 0xC0 == 0x80 { at += 1 }
                characters += 1
            }
            return at
        }
        /// An open container, and for a mapping whether the next scalar is a key, and the key
        /// whose value comes next.
        struct Frame { var mapping: Bool; var expectingKey = true; var key: String? }
        var stack: [Frame] = []
        var spans: [Range<Int>] = []
        var anchoredNotes: Set<String> = []
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> [Range<Int>]? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            /// Whether the node starting now is the value of `tour[n].notes`.
            func atNote() -> Bool {
                stack.count == 3 && stack[0].mapping && stack[0].key == "tour" && !stack[1].mapping
                    && stack[2].mapping && !stack[2].expectingKey && stack[2].key == "notes"
            }
            /// A node ended where a mapping waited for it: the next scalar there is a key.
            func completed() {
                guard let top = stack.indices.last, stack[top].mapping else { return }
                stack[top].expectingKey.toggle()
                if stack[top].expectingKey { stack[top].key = nil }
            }
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT:
                    return anchoredNotes.isEmpty ? spans : nil
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    if let top = stack.indices.last, stack[top].mapping, stack[top].expectingKey {
                        stack[top].key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                        stack[top].expectingKey = false
                        continue
                    }
                    if atNote() {
                        if scalar.anchor != nil { anchoredNotes.insert("anchor") }   // others may refer to it
                        guard let start = offset(event.start_mark), let end = offset(event.end_mark), start <= end else { return nil }
                        spans.append(start..<end)
                    }
                    completed()
                case YAML_ALIAS_EVENT:
                    if atNote() { return nil }
                    if let top = stack.indices.last, stack[top].mapping, stack[top].expectingKey { stack[top].expectingKey = false; continue }
                    completed()
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if atNote() { return nil }
                    stack.append(Frame(mapping: event.type == YAML_MAPPING_START_EVENT))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    stack.removeLast()
                    completed()
                default:
                    continue
                }
            }
        }
    }
}
