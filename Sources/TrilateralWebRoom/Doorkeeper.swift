import Crypto
import FoundationEssentials
import TrilateralDoor

/// Who may watch: the room code, asked once by the form, then a session cookie. The cookie is
/// a random nonce and its HMAC under a key made at start (`HMAC-SHA256`, 128 bits of each), so
/// the door keeps no table of sessions: nothing to fill, nothing to evict, and every cookie
/// dies with the door. Wrong codes are counted per address (`FailedAttempts`). An open room
/// (`--open`) admits everyone and sets no cookie.
public final class Doorkeeper: Sendable {
    public let code: RoomCode?
    let attempts: FailedAttempts
    /// The cookie's name: with the door's port in it, since browsers share cookies across a
    /// host's ports (two doors, or another service on the host, must not see or overwrite it).
    public let cookieName: String
    /// The HMAC key, 32 random bytes made at start (kept as bytes: `SymmetricKey` is not Sendable).
    private let keyBytes: [UInt8] = {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
    }()
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    public init(code: RoomCode?, attempts: FailedAttempts = FailedAttempts(), cookieName: String = "trilateral-room") {
        self.code = code; self.attempts = attempts; self.cookieName = cookieName
    }

    /// Whether a request with these `Cookie` header values may watch: any cookie of our name
    /// whose token this door made.
    public func admits(cookies: [String]) -> Bool {
        guard code != nil else { return true }
        return tokens(in: cookies).contains { isOurs($0) }
    }

    /// Whether joining is paused for everyone (too many wrong codes this minute, from anywhere).
    public var everyoneWaits: Bool { attempts.everyoneWaits }

    /// What a code from the form comes to.
    public enum Verdict: Equatable, Sendable {
        /// In: set this cookie (the `Set-Cookie` value).
        case admitted(setCookie: String)
        case wrong
        /// Too many wrong codes from this address: try again after this many seconds.
        case wait(Int)
    }

    /// Judges a form body (`code=…`) from an address.
    public func join(form: [UInt8], from address: String) -> Verdict {
        guard let code else { return .admitted(setCookie: "") }
        let wait = attempts.wait(for: address)
        if wait > 0 { return .wait(Int(wait.rounded(.up))) }
        guard let attempt = Self.formValue("code", in: form), code.admits(attempt) else {
            attempts.failed(address)
            return .wrong
        }
        attempts.succeeded(address)
        return .admitted(setCookie: "\(cookieName)=\(newToken()); Path=/; HttpOnly; SameSite=Strict")
    }

    /// A fresh token: 16 random bytes and the first 16 of their HMAC, in hex (64 characters).
    func newToken() -> String {
        var g = SystemRandomNumberGenerator()
        let nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Self.hex(nonce) + Self.hex(Array(HMAC<SHA256>.authenticationCode(for: nonce, using: key).prefix(16)))
    }

    /// Whether a token is one this door made (compared in constant time).
    func isOurs(_ token: Substring) -> Bool {
        guard token.utf8.count == 64, let bytes = Self.bytes(fromHex: token) else { return false }
        let expected = Array(HMAC<SHA256>.authenticationCode(for: bytes.prefix(16), using: key).prefix(16))
        var difference: UInt8 = 0
        for (a, b) in zip(expected, bytes.suffix(16)) { difference |= a ^ b }
        return difference == 0
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    static func bytes(fromHex text: Substring) -> [UInt8]? {
        var out: [UInt8] = [], chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var i = 0
        while i < chars.count {
            guard let v = UInt8(String(decoding: chars[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
            out.append(v); i += 2
        }
        return out
    }

    /// Every value of our cookie among `Cookie` headers.
    func tokens(in headers: [String]) -> [Substring] {
        var found: [Substring] = []
        for header in headers {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingSpaces == cookieName { found.append(pair[1].trimmingSpaces) }
            }
        }
        return found
    }

    /// A field of an `application/x-www-form-urlencoded` body, decoded, as bytes.
    static func formValue(_ name: String, in body: [UInt8]) -> [UInt8]? {
        for field in body.split(separator: UInt8(ascii: "&")) {
            let pair = field.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, Array(pair[0]) == Array(name.utf8) else { continue }
            var out: [UInt8] = [], bytes = Array(pair[1]), i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "+") { out.append(0x20) }
                else if b == UInt8(ascii: "%"), i + 2 < bytes.count, let v = UInt8(String(decoding: bytes[i + 1...i + 2], as: UTF8.self), radix: 16) { out.append(v); i += 2 }
                else { out.append(b) }
                i += 1
            }
            return out
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
