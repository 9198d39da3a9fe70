import NIOCore
import NIOSSH
import TrilateralDoor

/// Who may watch: the rule for the whole room (`--open`, the room code, `--keys`).
struct AdmissionRule: Sendable {
    /// Anyone may watch (`--open`): SSH's `none` method succeeds.
    var open: Bool
    /// The code asked for as the password; nil with `--open`.
    var code: RoomCode?
    /// Keys admitted without a code.
    var keys: Set<NIOSSHPublicKey>
    let failures: FailedAttempts
}

/// One connection's authentication: the room's rule applied to what this peer offers. A
/// wrong code is answered only after the wait `FailedAttempts` sets for its address, so
/// guessing from one address costs ever more time; the username is ignored.
final class Admission: NIOSSHServerUserAuthenticationDelegate {
    private let rule: AdmissionRule
    private let peer: String
    private let eventLoop: EventLoop
    /// Called once, when the peer is admitted (its sessions may start from then on).
    private let admitted: () -> Void
    /// Called for each wrong code (the room may tell the presenter).
    private let refused: (String) -> Void

    init(rule: AdmissionRule, peer: String, eventLoop: EventLoop, admitted: @escaping () -> Void, refused: @escaping (String) -> Void) {
        self.rule = rule
        self.peer = peer
        self.eventLoop = eventLoop
        self.admitted = admitted
        self.refused = refused
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        var methods: NIOSSHAvailableUserAuthenticationMethods = []
        if rule.code != nil { methods.insert(.password) }
        if !rule.keys.isEmpty { methods.insert(.publicKey) }
        return methods
    }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch request.request {
        case .none:
            if rule.open { admit(responsePromise) } else { responsePromise.succeed(.failure) }
        case .publicKey(let offer):
            // NIOSSH has checked the signature (when there is one) before asking.
            if rule.keys.contains(offer.publicKey) { admit(responsePromise) } else { responsePromise.succeed(.failure) }
        case .password(let password):
            guard let code = rule.code else { responsePromise.succeed(.failure); return }
            let wait = rule.failures.wait(for: peer)
            let judge = { [self] in
                if code.admits(password.password.utf8) {
                    rule.failures.succeeded(peer)
                    admit(responsePromise)
                } else {
                    rule.failures.failed(peer)
                    refused(peer)
                    responsePromise.succeed(.failure)
                }
            }
            if wait > 0 {
                eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(wait * 1000))) { judge() }
            } else {
                judge()
            }
        default:
            responsePromise.succeed(.failure)
        }
    }

    private func admit(_ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        admitted()
        promise.succeed(.success)
    }
}

/// Refuses every global request: no remote port forwarding (`ssh -R`), in a watch-only room.
/// (GlobalRequestDelegate's own default rejects every forwarding request.)
struct NoForwarding: GlobalRequestDelegate {}

/// A channel the room does not open: anything but a session (`ssh -L`, `-D`).
struct NotASession: Error {}
