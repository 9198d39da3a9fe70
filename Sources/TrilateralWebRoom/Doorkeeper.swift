import FoundationEssentials
import Synchronization
import TrilateralDoor

/// Who may watch: the room code, asked once by the form, then a session cookie (random, kept
/// here, bounded in number). Wrong codes are counted per address (`FailedAttempts`). An open
/// room (`--open`) admits everyone and sets no cookie.
public final class Doorkeeper: Sendable {
    public let code: RoomCode?
    let attempts: FailedAttempts
    private let sessions = Mutex<[String: Int]>([:])
    private let serial = Mutex(0)
    public static let cookieName = "trilateral-room"
    public static let sessionLimit = 8192

    public init(code: RoomCode?, attempts: FailedAttempts = FailedAttempts()) { self.code = code; self.attempts = attempts }

    /// Whether a request with these `Cookie` header values may watch.
    public func admits(cookies: [String]) -> Bool {
        guard code != nil else { return true }
        guard let token = Self.token(in: cookies) else { return false }
        return sessions.withLock { $0[token] != nil }
    }

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
        let token = Self.newToken()
        let n = serial.withLock { $0 += 1; return $0 }
        sessions.withLock { s in
            if s.count >= Self.sessionLimit, let oldest = s.min(by: { $0.value < $1.value })?.key { s[oldest] = nil }
            s[token] = n
        }
        return .admitted(setCookie: "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict")
    }

    /// 32 random bytes in hex.
    static func newToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &g), radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    /// Our cookie's value among `Cookie` headers.
    static func token(in headers: [String]) -> String? {
        for header in headers {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingSpaces == cookieName { return String(pair[1].trimmingSpaces) }
            }
        }
        return nil
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
