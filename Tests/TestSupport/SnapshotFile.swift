import Foundation
import Testing

/// Text snapshots kept in files beside the tests (`Snapshots/NAME.txt`), compared whole.
///
/// With `RECORD_SNAPSHOTS=1` in the environment a snapshot is written instead of compared, and
/// the test reports that it recorded (so a recording run never passes silently); a missing file
/// is recorded the same way. A mismatch names the first line that differs, with both versions.
public enum SnapshotFile {
    /// Whether this run records snapshots instead of comparing them.
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

    /// Compares `text` with the snapshot `name` in `folder` (or records it); the file is
    /// `NAME.txt`, or `NAME` itself when it has an extension of its own (`page.html`).
    public static func expect(_ text: String, named name: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appending(path: name.contains(".") ? name : "\(name).txt")
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if recording || existing == nil {
            do {
                try text.write(to: file, atomically: true, encoding: .utf8)
                Issue.record("recorded snapshot \(name) (\(existing == nil ? "it was missing" : "RECORD_SNAPSHOTS is set")); check the file and run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        if let difference = firstDifference(expected: existing!, actual: text) {
            Issue.record("snapshot \(name) differs (re-record with RECORD_SNAPSHOTS=1 if the change is intended):\n\(difference)", sourceLocation: sourceLocation)
        }
    }

    /// The first line where two texts differ, shown both ways; nil when they are equal.
    public static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for line in 0..<max(e.count, a.count) {
            let want = line < e.count ? String(e[line]) : "(no line)"
            let got = line < a.count ? String(a[line]) : "(no line)"
            if want != got { return "line \(line + 1):\n  expected: \(want)\n  actual:   \(got)" }
        }
        return "the texts differ only in line endings"
    }
}
