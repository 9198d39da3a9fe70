/// The limits of the briefing format: what `validate` guarantees, so that every view can rely
/// on it (FORMAT.md lists them). A file within them renders in every view, at every size, in
/// bounded time; a file outside them is refused with a located error naming the limit.
public enum Limits {
    /// The largest briefing file, in bytes.
    public static let briefingBytes = 64 << 20
    /// The largest source text (`sources[].text`), in bytes.
    public static let sourceTextBytes = 16 << 20
    /// The largest theme file, in bytes.
    public static let themeBytes = 1 << 20
    /// The longest id.
    public static let idLength = 64
    /// The years a date may have (always written with four digits).
    public static let years = 1000...9999
    /// A rule's weight on one target.
    public static let weight = -10...10
    /// How many rules a briefing may hold: with `weight`, an outlook's score stays within
    /// ±100,000, far from any arithmetic limit.
    public static let rules = 10_000
    /// How many options a factor may offer.
    public static let options = 2...16
    /// How many combinations a preset's unsettled factors may span (each is one evaluation
    /// of every rule when outlooks become ranges).
    public static let unsettledCombinations = 4096
    /// The largest magnitude of a chart value.
    public static let seriesMagnitude = 1e15
    /// The longest search the dashboard accepts, in characters.
    public static let searchLength = 200

    /// `64 MiB`, `1 MiB`, `900 KiB`.
    public static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
}
