import ArgumentParser
import Glibc
import SystemPackage
import TrilateralModel

/// `trilateral new FILE`: a small, valid, commented briefing to start from.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starting briefing to FILE (never over an existing file), with the JSON Schema beside it for your editor.")

    @Argument(help: ArgumentHelp("The briefing file to create.", valueName: "file"))
    var file: String

    func run() throws {
        let folder = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        let schema = folder + "briefing.schema.json"
        try Self.create(file, BriefingTemplate.text(schema: "briefing.schema.json"))
        var wrote = ["\(file.escapingControls)"]
        // The schema beside it lets an editor complete keys at once; an existing one is kept.
        if access(schema, F_OK) != 0, (try? Self.create(schema, BriefingSchema.json)) != nil {
            wrote.append(schema.escapingControls)
        }
        try Console.out("wrote \(wrote.joined(separator: " and ")); check it with: trilateral validate \(file.escapingControls)\n")
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
