#if canImport(Glibc)
import Glibc
#endif

/// The few text operations the model needs that full Foundation would otherwise bring in with
/// ICU (the binary links only FoundationEssentials, which has neither `trimmingCharacters` nor
/// `String(format:)`).
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (not line breaks), as
    /// `trimmingCharacters(in: .whitespaces)` would give.
    package var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// C's printf formatting of one number (`%.2f`, `%.3e`, `%9.1f`), through `vsnprintf`: the
/// locale-free "C" formatting the chart labels and benchmarks need.
package enum CFormat {
    package static func format(_ pattern: String, _ values: any CVarArg...) -> String {
        withVaList(values) { args in
            var buffer = [CChar](repeating: 0, count: 512)
            let written = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, pattern, args) }
            guard written >= 0 else { return "" }
            if Int(written) < buffer.count {
                return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            // Longer than the buffer (a %f of 1e300): format again into one that fits.
            return withVaList(values) { again in
                var big = [CChar](repeating: 0, count: Int(written) + 1)
                _ = big.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, pattern, again) }
                return String(decoding: big.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
    }
}

extension Sequence<String> {
    /// The parts that are not empty, joined: "Author · 9 Oct 2024" when a briefing gives no
    /// publisher, never "Author ·  · 9 Oct 2024".
    package func joinedNonEmpty(_ separator: String) -> String {
        filter { !$0.isEmpty }.joined(separator: separator)
    }
}
