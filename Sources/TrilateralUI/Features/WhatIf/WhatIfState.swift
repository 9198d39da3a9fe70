import TrilateralModel

/// Where the what-if panel's cursor is: the factor and preset list, or the outlook table.
public enum WhatIfColumn: String, Hashable, Sendable, Codable { case choices, outlooks }

/// The what-if scenario and its panel's cursor: shared with followers (whether the panel is
/// open is the shared `panel` slot). The outlooks follow from the scenario and are recomputed
/// in one place, `set`.
public struct WhatIfState: Codable, Equatable, Sendable {
    public var column = WhatIfColumn.choices
    /// The row in each column.
    public var row = 0
    public var outlookRow = 0
    /// The scenario the outlooks follow (the baseline to start with).
    public private(set) var scenario: Scenario
    /// Earlier scenarios, for `u` (this terminal's own; not sent).
    var history: [Scenario] = []
    /// Each target's outlook under `scenario` (derived; not sent).
    public private(set) var outlooks: [String: Outlook]
    /// Each target's best-to-worst range when the scenario leaves factors unsettled (derived).
    public private(set) var ranges: [String: ClosedRange<Int>] = [:]

    init(context: BriefingContext) {
        scenario = Scenario.baseline(of: context.briefing)
        outlooks = context.baselineOutlooks
    }

    /// Changes the scenario and recomputes every outlook: the one place that does.
    mutating func set(_ scenario: Scenario, briefing: Briefing) {
        self.scenario = scenario
        let engine = OutlookEngine(briefing: briefing)
        outlooks = Dictionary(uniqueKeysWithValues: engine.outlooks(for: scenario).map { ($0.target, $0) })
        ranges = scenario.unsettled.isEmpty ? [:] : engine.ranges(for: scenario)
    }

    enum CodingKeys: String, CodingKey { case column, row, outlookRow, scenario }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        column = try c.decode(WhatIfColumn.self, forKey: .column)
        row = try c.decode(Int.self, forKey: .row)
        outlookRow = try c.decode(Int.self, forKey: .outlookRow)
        scenario = try c.decode(Scenario.self, forKey: .scenario)
        outlooks = [:]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encode(row, forKey: .row)
        try c.encode(outlookRow, forKey: .outlookRow)
        try c.encode(scenario, forKey: .scenario)
    }

    public static func == (a: WhatIfState, b: WhatIfState) -> Bool {
        (a.column, a.row, a.outlookRow, a.scenario) == (b.column, b.row, b.outlookRow, b.scenario)
    }
}

/// Flipping the article's conditions and reading what follows.
public enum WhatIfAction: Equatable, Sendable {
    /// The panel (`w`), and the comparison (`c`: the panel with the outlook table focused).
    case toggle
    case compare
    /// Cycle factor N (0-based) to its next option.
    case cycleFactor(Int)
    /// Move the cursor within its column, or switch column.
    case move(Int)
    case switchColumn
    /// Cycle the factor or apply the preset under the cursor; on an outlook, explain it.
    case activate
    case applyPreset(Int)
    case reset
    case undo
    /// Explain an outlook: the focused pillar's, or the one under the cursor.
    case explain
    /// Start from a scenario (`--scenario`).
    case set(Scenario)
    /// Change to a scenario, undoably (a tour step's preset).
    case change(Scenario)
    /// Put the cursor in a column, and on an outlook row when one is given (a tour step).
    case show(column: WhatIfColumn, outlookRow: Int?)
    /// A presenter's what-if state: its rows clamped to this briefing, its scenario mapped
    /// onto this briefing's factors (what it does not know falls back to the baseline).
    case adopt(WhatIfState)
}
