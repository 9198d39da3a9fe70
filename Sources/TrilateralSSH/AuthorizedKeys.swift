import FoundationEssentials
import NIOSSH
import TrilateralDoor

/// `--keys FILE`: the viewers admitted without the room code, in OpenSSH's authorized_keys
/// format (one `TYPE BASE64 [comment]` per line; blank lines and `#` comments skipped).
/// Ed25519 and ECDSA keys only: swift-nio-ssh does not verify RSA signatures, and a line with
/// options (`from=…`, `command=…`) is refused rather than half obeyed.
struct AuthorizedKeys {
    let keys: Set<NIOSSHPublicKey>

    static let supported = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    init(keys: Set<NIOSSHPublicKey>) { self.keys = keys }

    /// Reads `text` from `file`; the error names its line, column and field.
    init(text: String, file: String) throws(DoorFailure) {
        var keys = Set<NIOSSHPublicKey>()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let content = line.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let place = "\(file):\(index + 1):\(indent + 1)"
            guard let type = fields.first, type.hasPrefix("ssh-") || type.hasPrefix("ecdsa-") || type.hasPrefix("sk-") else {
                throw DoorFailure("\(place): key type: options before the key are not supported (write only TYPE KEY [comment])", status: 65)
            }
            guard Self.supported.contains(type) else {
                let what = type.escapedForMessage
                throw DoorFailure("\(place): key type: \(what) is not supported; use an ed25519 or ecdsa key (ssh-keygen -t ed25519)", status: 65)
            }
            guard fields.count >= 2, let key = try? NIOSSHPublicKey(openSSHPublicKey: "\(type) \(fields[1])") else {
                let column = indent + type.count + 2
                throw DoorFailure("\(file):\(index + 1):\(column): key: not a valid \(type) key", status: 65)
            }
            keys.insert(key)
        }
        self.keys = keys
    }
}
