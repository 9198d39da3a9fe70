// trilateral-fuzz: the briefing and theme loaders under libFuzzer.
//
// Built for fuzzing (see Tests/Fuzz/run.sh):
//   swift build --scratch-path .build-fuzz --product trilateral-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
// Built normally, it replays inputs instead: `trilateral-fuzz FILE...` runs each file through
// the same entry point (to reproduce a crash, or run the corpus in the test suite).
import Foundation
import TrilateralModel
import TrilateralUI

/// One input: text starting with `# theme` goes to the theme loader, `# source text` to the
/// paragraph splitter and quote search (its first line is the quote), anything else to the
/// briefing loader (then, when it loads, through the outlook engine and one frame).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let sourceMarker = Array("# source text\n".utf8)
    if data.starts(with: sourceMarker) {
        guard let text = String(data: data.dropFirst(sourceMarker.count), encoding: .utf8) else { return 0 }
        let quote = String(text.prefix { $0 != "\n" })
        for rule in [ParagraphRule.standard, ParagraphRule(skip: [.headings, .bullets]), ParagraphRule(skip: [], from: "The", until: "End")] {
            let paragraphs = SourceText.paragraphs(of: text, rule: rule)
            let index = QuoteMatch.Index(paragraphs)
            _ = index.paragraph(holding: quote)
            _ = index.closest(to: quote, preferring: 1)
            for p in paragraphs.prefix(64) {
                // Every range found lies in the paragraph, in order.
                guard let ranges = QuoteMatch.ranges(of: quote, in: p) else { continue }
                var last = p.startIndex
                for r in ranges { precondition(r.lowerBound >= last && r.upperBound <= p.endIndex); last = r.upperBound }
            }
        }
        _ = StartingText(text: text)
        return 0
    }
    if data.starts(with: Array("# theme".utf8)) {
        guard let text = String(data: data, encoding: .utf8) else { return 0 }
        if case .success(let theme) = ThemeLoader.load(text: text, file: "fuzz.yaml") { _ = theme.name }
        return 0
    }
    if case .success(let loaded) = BriefingLoader.load(data: data, file: "fuzz.yaml") {
        let briefing = loaded.briefing
        _ = OutlookEngine(briefing: briefing).outlooks(for: Scenario.baseline(of: briefing))
        _ = Dashboard.render(AppState(briefing: briefing, size: Size(width: 80, height: 24)))
    }
    return 0
}

#if FUZZING
/// libFuzzer's driver, run from the entry point SwiftPM links executables through.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("trilateral_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
#else
@main
enum Replay {
    static func main() {
        var failures = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("trilateral-fuzz: cannot read \(path)\n".utf8))
                failures += 1
                continue
            }
            _ = data.withUnsafeBytes { fuzzOne($0.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, data.count) }
        }
        print("replayed \(CommandLine.arguments.count - 1 - failures) inputs")
        exit(failures == 0 ? 0 : 1)
    }
}
#endif
