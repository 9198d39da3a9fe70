import NIOCore

/// A viewer's statuses to its presenter on one connection, at most one every `interval` —
/// well inside the publisher's allowance (a burst of 10, then 5 a second), so a viewer holding
/// a digit key is not dropped — and the newest always goes, late rather than never. Used on
/// the connection's event loop.
public final class StatusPacer {
    public static let interval: TimeAmount = .milliseconds(250)
    private let channel: Channel
    private var sent: [UInt8]?
    private var last: NIODeadline?
    /// A newer status than the last sent, waiting for its turn.
    private var waiting: [UInt8]?

    /// `sent`: the status the connection already said (on connecting).
    public init(channel: Channel, sent: [UInt8]? = nil) {
        self.channel = channel
        self.sent = sent
    }

    /// Sends `status` now, or when the interval since the last is up; one equal to the last
    /// sent is not sent again.
    public func send(_ status: [UInt8]) {
        guard status != sent else { waiting = nil; return }
        let now = NIODeadline.now()
        guard let last, now < last + Self.interval else { write(status, at: now); return }
        let scheduled = waiting != nil
        waiting = status
        guard !scheduled else { return }
        let me = NIOLoopBound(self, eventLoop: channel.eventLoop)
        channel.eventLoop.scheduleTask(deadline: last + Self.interval) { me.value.sendWaiting() }
    }

    private func sendWaiting() {
        guard let status = waiting else { return }
        write(status, at: .now())
    }

    private func write(_ status: [UInt8], at now: NIODeadline) {
        sent = status
        last = now
        waiting = nil
        channel.writeAndFlush(channel.allocator.buffer(bytes: status), promise: nil)
    }
}
