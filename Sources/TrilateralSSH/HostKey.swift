import Crypto
import FoundationEssentials
import Glibc
import NIOSSH
import TrilateralDoor

/// The room's SSH host key: an Ed25519 key made on the first `present --ssh` and kept, owner
/// only (0600), at `$XDG_STATE_HOME/trilateral/ssh_host_ed25519_key` (the 32-byte private
/// seed; `~/.local/state` when XDG_STATE_HOME is unset), beside its public half in OpenSSH's
/// format (`.pub`), so viewers see the same fingerprint every time.
struct HostKey {
    let key: Curve25519.Signing.PrivateKey
    let path: String

    /// The default place: `$XDG_STATE_HOME/trilateral/ssh_host_ed25519_key`.
    static func defaultPath(environment: [String: String]) throws(DoorFailure) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/trilateral/ssh_host_ed25519_key" }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw DoorFailure("neither XDG_STATE_HOME nor HOME is set to an absolute path: give --host-key FILE", status: 64)
        }
        return home + "/.local/state/trilateral/ssh_host_ed25519_key"
    }

    /// Reads the key at `path`, or makes one there (and its folders, 0700) if there is none.
    /// A key file that others may read, or that is not 32 bytes, is refused.
    static func loadOrCreate(at path: String) throws(DoorFailure) -> HostKey {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & 0o077 == 0 else {
                throw DoorFailure("\(path): the host key may be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it, or remove it for a new one", status: 77)
            }
            guard info.st_uid == getuid() else { throw DoorFailure("\(path): the host key belongs to another user", status: 77) }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw DoorFailure("\(path): cannot read the host key: \(String(cString: strerror(errno)))", status: 74) }
            defer { close(fd) }
            var seed = [UInt8](repeating: 0, count: 33)
            let n = read(fd, &seed, seed.count)
            guard n == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed.prefix(32)) else {
                throw DoorFailure("\(path): not a trilateral host key (32 bytes expected); remove it for a new one", status: 65)
            }
            return HostKey(key: key, path: path)
        }
        try makeFolders(for: path)
        let key = Curve25519.Signing.PrivateKey()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DoorFailure("\(path): cannot write the host key: \(String(cString: strerror(errno)))", status: 73) }
        let seed = Array(key.rawRepresentation)
        let written = write(fd, seed, seed.count)
        close(fd)
        guard written == seed.count else { unlink(path); throw DoorFailure("\(path): cannot write the host key", status: 74) }
        let hostKey = HostKey(key: key, path: path)
        // The public half, for a viewer's known_hosts; not needed to run.
        let line = hostKey.openSSHPublicKey + " trilateral room\n"
        let pub = open(path + ".pub", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if pub >= 0 { _ = write(pub, line, line.utf8.count); close(pub) }
        return hostKey
    }

    private static func makeFolders(for path: String) throws(DoorFailure) {
        var folder = ""
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw DoorFailure("\(folder): cannot make the host key's folder: \(String(cString: strerror(errno)))", status: 73)
            }
        }
    }

    var nioKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// The public key's wire form: string "ssh-ed25519", string key.
    var publicBlob: [UInt8] {
        func string(_ bytes: [UInt8]) -> [UInt8] {
            let n = UInt32(bytes.count)
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + bytes
        }
        return string(Array("ssh-ed25519".utf8)) + string(Array(key.publicKey.rawRepresentation))
    }

    /// `ssh-ed25519 AAAA…`, as in known_hosts.
    var openSSHPublicKey: String { "ssh-ed25519 " + Data(publicBlob).base64EncodedString() }

    /// `SHA256:…`, base64 without padding, as `ssh-keygen -lf` and `ssh` print it.
    var fingerprint: String {
        let digest = Data(SHA256.hash(data: publicBlob)).base64EncodedString()
        return "SHA256:" + digest.prefix { $0 != "=" }
    }
}
