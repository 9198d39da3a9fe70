import ArgumentParser
import Glibc
import SystemPackage
import TrilateralModel

/// `trilateral new FILE`: a small, valid, commented briefing to start from.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starting briefing to FILE (never over an existing file), with the JSON Schema beside it for your editor; --from starts it from an article's text.")

    @Argument(help: ArgumentHelp("The briefing file to create.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Start from an article's text (UTF-8 plain text or Markdown): the source names it, and the first citations quote its paragraphs.", valueName: "text-file"))
    var from: String?

    func run() throws {
        let folder = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        let schema = folder + "briefing.schema.json"
        var source = BriefingTemplate.Source.placeholder
        var count = 0
        if let from {
            let text = try Self.read(from)
            guard !text.paragraphs.isEmpty else {
                throw Failure("trilateral: \(from.escapingControls): no paragraphs found (paragraphs are separated by blank lines)", status: 65)
            }
            source = .from(text, path: Self.relativePath(to: from, from: folder.isEmpty ? "." : folder))
            count = text.paragraphs.count
        }
        try Self.create(file, BriefingTemplate.text(schema: "briefing.schema.json", source: source))
        var wrote = ["\(file.escapingControls)"]
        // The schema beside it lets an editor complete keys at once; an existing one is kept.
        if access(schema, F_OK) != 0, (try? Self.create(schema, BriefingSchema.json)) != nil {
            wrote.append(schema.escapingControls)
        }
        let counted = from.map { "; \($0.escapingControls) has \(count) paragraph\(count == 1 ? "" : "s"), listed in a comment" } ?? ""
        try Console.out("wrote \(wrote.joined(separator: " and "))\(counted); check it with: trilateral validate \(file.escapingControls)\n")
    }

    /// The article's text, read with the limits and checks a briefing's source text gets.
    static func read(_ path: String) throws -> StartingText {
        switch SourceTexts.text(at: path, named: path) {
        case .failure(let refused): throw Failure("trilateral: \(path.escapingControls): \(refused.reason)", status: refused.unreadable ? 66 : 65)
        case .success(let text): return StartingText(text: text)
        }
    }

    /// `file` as a path from `folder` (both as given, resolved against the working folder and
    /// symlinks), so the briefing names its text however it is moved with it.
    static func relativePath(to file: String, from folder: String) -> String {
        guard let target = SourceTexts.resolved(file), let base = SourceTexts.resolved(folder) else { return file }
        let t = target.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(t.count, b.count) && t[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        return (up + t[common...].map(String.init)).joined(separator: "/")
    }

    /// Creates `path` with `text`; refuses (exit 73) if anything is already there. A write or
    /// close that fails removes the file again (exit 74): no part of a briefing is left behind.
    static func create(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "it already exists; new never overwrites a file" : String(cString: strerror(errno))
            throw Failure("trilateral: \(path): \(why)", status: errno == EEXIST ? 73 : 74)
        }
        let file = FileDescriptor(rawValue: fd)
        do { _ = try file.closeAfter { try file.writeAll(text.utf8) } } catch let error as Errno {
            unlink(path)
            throw Failure.writing(path, error, "; the file was removed")
        }
    }
}
