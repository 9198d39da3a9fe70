/// The lines of a list shown in fewer rows than it has, chosen from the cursor alone (no stored
/// scroll): from the top while the cursor is within reach, else with the cursor on the last row
/// but one, so the line after it shows too.
enum ListWindow {
    static func lines(count: Int, height: Int, showing line: Int?) -> Range<Int> {
        guard count > height, height > 0 else { return 0..<min(count, max(0, height)) }
        guard let line, line >= height - 1 else { return 0..<height }
        let start = min(line - height + 2, count - height)
        return start..<(start + height)
    }
}
