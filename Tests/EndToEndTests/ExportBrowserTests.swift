import Foundation
import TestSupport
import Testing

/// The HTML handout in a real browser: Debian's Chromium, headless, loads the page the README
/// shows how to make, and prints it. The DOM it builds must hold the sections, the links and the
/// pictures' titles; the screenshot and the PDF are kept for people to look at
/// (`$TMPDIR/trilateral-export-*`).
@Suite("Handout in Chromium", .slowTier, .serialized)
struct ExportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-pdf-header-footer"]

    @Test func chromiumRendersAndPrintsTheHandout() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appending(path: "brief.html")
        _ = try TmuxHarness.run(try TmuxHarness.binary, ["export", "--format", "html", "--scenario", "downward-spiral", "--layer", "hindsight", "--output", page.path])
        let url = "file://" + page.path

        let dom = try TmuxHarness.run("/usr/bin/env", ["HOME=\(dir.path)"] + Self.chromium + ["--dump-dom", url])
        for id in ["key-points", "pillars", "foundations", "timeline", "data", "what-if", "scorecard", "sources"] {
            #expect(dom.contains("<section id=\"\(id)\""), "section \(id) in the DOM")
        }
        #expect(dom.contains("<title id=\"timeline-title\">Leadership-transition timeline"))
        #expect(dom.contains("<title id=\"chart-1-title\">"))
        #expect(dom.contains("<a href=\"#para-3\">¶3</a>"), "citations link to the quoted paragraphs")
        #expect(dom.contains("<dt id=\"para-3\">"))
        #expect(dom.contains("href=\"https://"), "web sources are links")
        #expect(!dom.contains("<script"))

        let shot = dir.appending(path: "brief.png")
        _ = try TmuxHarness.run("/usr/bin/env", ["HOME=\(dir.path)"] + Self.chromium + ["--window-size=1000,2400", "--screenshot=\(shot.path)", url])
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 50_000, "a screenshot with something on it")

        let pdf = dir.appending(path: "brief.pdf")
        _ = try TmuxHarness.run("/usr/bin/env", ["HOME=\(dir.path)"] + Self.chromium + ["--print-to-pdf=\(pdf.path)", url])
        let text = try TmuxHarness.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
        for heading in ["Pillars of cooperation", "Leaders, transitions and events", "What if: Downward spiral", "The expectations against the record", "Web pages cited"] {
            #expect(text.contains(heading), "the printed handout has \(heading)")
        }
        let info = try TmuxHarness.run("/usr/bin/pdfinfo", [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(pages >= 5 && pages <= 60, "\(pages) pages")
        _ = try TmuxHarness.run("/usr/bin/pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "1", pdf.path, dir.appending(path: "page").path])
        #expect(FileManager.default.fileExists(atPath: dir.appending(path: "page-01.png").path) || FileManager.default.fileExists(atPath: dir.appending(path: "page-1.png").path))
    }
}
