import Foundation
import Testing
@testable import TrilateralTerminal

/// The inotify watcher that drives `--watch` and a waiting follower: it must hear a file
/// appear even when the file's folder does not exist yet, and keep hearing it after the folder
/// is removed and made again (a presenter's session folder under /tmp comes and goes).
@MainActor
@Suite("File watcher")
struct FileWatcherTests {
    /// A fresh folder under /tmp, removed afterwards.
    let root = FileManager.default.temporaryDirectory.appending(path: "tri-watch-\(UUID().uuidString.prefix(8))").path

    /// Callbacks heard so far.
    final class Heard { var count = 0 }

    /// Waits (on the main queue, where the watcher calls back) until `heard` passes `count`.
    func wait(for heard: Heard, toPass count: Int, _ what: String) async throws {
        let deadline = Date().addingTimeInterval(5)
        while heard.count <= count {
            guard Date() < deadline else {
                Issue.record("no callback after \(what) within 5 s")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func hearsAFileAppearInAFolderMadeLater() async throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/session"
        let heard = Heard()
        let watcher = try #require(FileWatcher(path: folder + "/talk.sock", on: .appeared) { heard.count += 1 })
        defer { watcher.stop() }

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try await wait(for: heard, toPass: 0, "the folder was made")
        var before = heard.count
        _ = FileManager.default.createFile(atPath: folder + "/other", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/talk.sock", contents: nil)
        try await wait(for: heard, toPass: before, "the file was made in the new folder")
        #expect(heard.count == before + 1, "one callback for the file, none for its neighbour")

        // Removed and made again: the watcher goes back to the parent and follows it.
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        before = heard.count
        try await wait(for: heard, toPass: before, "the folder was made again")
        before = heard.count
        _ = FileManager.default.createFile(atPath: folder + "/talk.sock", contents: nil)
        try await wait(for: heard, toPass: before, "the file was made in the folder made again")
    }

    @Test func hearsASaveByRenameAndInPlace() async throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/briefing.yaml"
        _ = FileManager.default.createFile(atPath: file, contents: Data("a".utf8))
        let heard = Heard()
        let watcher = try #require(FileWatcher(path: file) { heard.count += 1 })
        defer { watcher.stop() }
        try Data("b".utf8).write(to: URL(fileURLWithPath: file))
        try await wait(for: heard, toPass: 0, "a save in place")
        let before = heard.count
        _ = FileManager.default.createFile(atPath: root + "/.briefing.yaml.swp", contents: Data("c".utf8))
        try FileManager.default.moveItem(atPath: root + "/.briefing.yaml.swp", toPath: root + "/moved-aside")
        #expect(rename(root + "/moved-aside", file) == 0)
        try await wait(for: heard, toPass: before, "a rename over the file")
    }

    @Test func refusesWhenNeitherTheFolderNorItsParentExists() {
        #expect(FileWatcher(path: root + "/missing/session/talk.sock", on: .appeared) {} == nil)
        #expect(errno == ENOENT)
    }
}
