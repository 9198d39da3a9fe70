import CNcursesw
import TrilateralUI

/// Maps style roles to ncurses attributes and colour pairs for the current theme and
/// capability. Pairs are allocated lazily, one per distinct (fg, bg), and never beyond
/// `COLOR_PAIRS`; numbers above 255 go through the extended-pair API.
struct ColorPalette {
    let capability: ColorCapability
    let maxPairs: Int
    var theme: Theme? { didSet { cache.removeAll() } }
    private var pairs: [Int64: Int] = [:]
    private var cache: [StyleRole: (attr_t, Int)] = [:]

    init(capability: ColorCapability, maxPairs: Int) {
        self.capability = capability
        self.maxPairs = maxPairs
    }

    mutating func attributes(for role: StyleRole) -> (attr_t, Int) {
        if let hit = cache[role] { return hit }
        let style = theme?.style(role) ?? Style()
        let useColor = capability != .none
        let attrs = useColor ? style.attributes : style.mono
        var value = tri_a_normal()
        if attrs.contains(.bold) { value |= tri_a_bold() }
        if attrs.contains(.dim) { value |= tri_a_dim() }
        if attrs.contains(.reverse) { value |= tri_a_reverse() }
        if attrs.contains(.underline) { value |= tri_a_underline() }
        if attrs.contains(.italic) { value |= tri_a_italic() }
        var pair = 0
        if useColor {
            let fg = ColorMapping.number(for: style.fg, capability: capability)
            let bg = ColorMapping.number(for: style.bg, capability: capability)
            pair = self.pair(fg: fg, bg: bg)
        }
        cache[role] = (value, pair)
        return (value, pair)
    }

    private mutating func pair(fg: Int, bg: Int) -> Int {
        if fg == -1 && bg == -1 { return 0 }
        let key = Int64(fg) << 32 | Int64(UInt32(bitPattern: Int32(bg)))
        if let n = pairs[key] { return n }
        let n = pairs.count + 1
        guard n < maxPairs else { return 0 }
        guard init_extended_pair(Int32(n), Int32(fg), Int32(bg)) == OK else { return 0 }
        pairs[key] = n
        return n
    }
}
