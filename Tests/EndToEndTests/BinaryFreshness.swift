import Foundation

/// Whether a built binary is at least as new as everything it is built from: the sources, the
/// themes and the package manifest. `swift test` builds neither the release binary nor any
/// executable, so the end-to-end tests check this before driving one.
enum BinaryFreshness {
    /// Success when `binary` exists and no input under `root` is newer (by more than a second,
    /// for file systems with coarse times); otherwise the newest input and the command to run.
    /// `targets` names the folders under Sources/ the binary is built from (nil: all of them),
    /// so a binary is not called stale for a change it does not link.
    static func check(_ binary: String, root: URL, build: String, targets: [String]? = nil) -> Result<Void, HarnessError> {
        let fm = FileManager.default
        func modified(_ path: String) -> Date? { (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
        guard let built = modified(binary) else {
            return .failure(HarnessError("\(binary) is missing: run `\(build)` before `swift test` (the end-to-end tests drive it)"))
        }
        var newest: (date: Date, path: String)?
        func consider(_ path: String) {
            if let date = modified(path), newest.map({ date > $0.date }) ?? true { newest = (date, path) }
        }
        // A manifest change relinks nothing unless it changes what is built, so the manifest is
        // held against the build's plan (`.build/release.yaml`, written by every build), when
        // there is one, rather than against the binary.
        let manifest = root.appending(path: "Package.swift").path
        let plan = root.appending(path: ".build/\(URL(fileURLWithPath: binary).deletingLastPathComponent().lastPathComponent).yaml").path
        if let planned = modified(plan), let changed = modified(manifest) {
            if changed > planned.addingTimeInterval(1) {
                return .failure(HarnessError("\(binary) was built before Package.swift changed: run `\(build)` before `swift test` (the end-to-end tests drive it)"))
            }
        } else {
            consider(manifest)
        }
        for folder in (targets?.map { "Sources/" + $0 } ?? ["Sources"]) + ["themes"] {
            let base = root.appending(path: folder).path
            guard let walker = fm.enumerator(atPath: base) else { continue }
            while let relative = walker.nextObject() as? String {
                guard Self.isInput(relative), walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
                consider(base + "/" + relative)
            }
        }
        if let newest, newest.date > built.addingTimeInterval(1) {
            let file = newest.path.dropFirst(root.path.count + 1)
            return .failure(HarnessError("\(binary) is older than \(file): run `\(build)` before `swift test` (the end-to-end tests drive it)"))
        }
        return .success(())
    }

    /// Whether a file under Sources/ or themes/ goes into the binary: not the reference text
    /// beside it (FORMAT.md, the committed schema, a README), which a build does not relink for.
    static func isInput(_ relative: String) -> Bool {
        !(relative.hasSuffix(".md") || relative.hasSuffix(".json"))
    }
}
