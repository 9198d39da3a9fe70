/// A small dataset a chart can draw: several lines over the same x axis (years).
public struct Series: Sendable, Hashable, Identifiable {
    /// One line of the chart, e.g. "Japan → China".
    public struct Line: Sendable, Hashable, Identifiable {
        public var id: String
        public var label: String
        public var country: String?
        public var points: [Point]
        public init(id: String, label: String, country: String?, points: [Point]) {
            self.id = id; self.label = label; self.country = country; self.points = points
        }
    }

    /// One value; `derived` marks figures computed from reported values (medium confidence).
    public struct Point: Sendable, Hashable {
        public enum Confidence: String, Sendable, CaseIterable { case high, medium, low }
        public var x: Int
        public var y: Double
        public var confidence: Confidence
        public var note: String?
        public var cite: Citation
        public init(x: Int, y: Double, confidence: Confidence, note: String? = nil, cite: Citation) {
            self.x = x; self.y = y; self.confidence = confidence; self.note = note; self.cite = cite
        }
    }

    public var id: String
    public var title: String
    public var unit: String
    public var lines: [Line]
    public var cite: Citation
    /// The briefing's own note on the data (how it was compiled, its bases): the compiler's
    /// words, never a source's.
    public var note: String?

    public init(id: String, title: String, unit: String, lines: [Line], cite: Citation, note: String? = nil) {
        self.id = id; self.title = title; self.unit = unit; self.lines = lines; self.cite = cite; self.note = note
    }
}
