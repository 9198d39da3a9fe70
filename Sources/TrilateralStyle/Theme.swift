/// A terminal colour as a theme names it.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright), which follow the user's palette.
    case ansi(Int)
    /// An xterm 256-colour index (16–255).
    case indexed(Int)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                            "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                            "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `#rrggbb`, a number 0–255, an ANSI name (`red`, `bright-blue`, `grey` for
    /// bright-black) or `default`.
    public static func parse(_ text: String) -> Color? {
        let t = text.lowercased()
        if t == "default" { return .default }
        if t == "grey" || t == "gray" { return .ansi(8) }
        if let i = ansiNames.firstIndex(of: t) { return .ansi(i) }
        if let n = Int(t), (0...255).contains(n) { return n < 16 ? .ansi(n) : .indexed(n) }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        }
        return nil
    }
}

/// Text attributes a style may set; the monochrome fallback relies on them alone.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let reverse = Attributes(rawValue: 4)
    public static let underline = Attributes(rawValue: 8)
    public static let italic = Attributes(rawValue: 16)

    static let names: [(String, Attributes)] = [("bold", .bold), ("dim", .dim), ("reverse", .reverse),
                                                ("underline", .underline), ("italic", .italic)]
}

/// How one role looks: colours plus attributes, and the attributes to use with no colour.
public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes
    /// Attributes used instead when the terminal shows no colour (or colour is turned off).
    public var mono: Attributes

    public init(fg: Color = .default, bg: Color = .default, attributes: Attributes = [], mono: Attributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes; self.mono = mono
    }
}

/// A named mapping from every `StyleRole` to a `Style`.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String
    public var styles: [StyleRole: Style]
    /// The terminal background and foreground the theme is designed for: what `default`
    /// stands for in contrast checks.
    public var background: Color
    public var foreground: Color

    public init(name: String, description: String, styles: [StyleRole: Style],
                background: Color = .rgb(0, 0, 0), foreground: Color = .rgb(255, 255, 255)) {
        self.name = name; self.description = description; self.styles = styles
        self.background = background; self.foreground = foreground
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.text] ?? Style() }

    /// The terminal's own colours for every role: what is drawn if a theme cannot be resolved.
    public static let fallback = Theme(name: "fallback", description: "the terminal's colours", styles: [:])
}
