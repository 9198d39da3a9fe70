import Glibc
import NIOCore
import NIOPosix
import NIOSSH

/// One SSH session channel: a viewer. It takes a `pty-req` and a `shell`, then runs the
/// room's follower on a pty of the viewer's size; `window-change` resizes it; keys go to it;
/// it ends when the follower does (`q`), or when the connection drops (the follower gets a
/// hangup). Everything else a client may ask of a session — a command (`ssh host ls`), a
/// subsystem (sftp, scp), agent or X11 forwarding, environment — is refused with a message.
final class ViewerSession: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = Never
    typealias OutboundOut = SSHChannelData

    private let room: Room
    private var terminal: ViewerTerminal?
    private var process: ViewerProcess?
    /// The pty's controller as a channel on this event loop, once the follower runs.
    private var pty: Channel?
    private var bridge: PtyBridge?
    private var context: ChannelHandlerContext?
    /// Whether this session took one of the room's places (and must give it back).
    private var seated = false
    /// A goodbye to write once the follower has gone (the presenter ended the session).
    private var farewell: String?

    init(room: Room) { self.room = room }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        hangUp()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        hangUp()
        self.context = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            terminal = ViewerTerminal(requested: request.term, columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            reply(request.wantReply, true, context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            if var t = terminal {
                t.columns = ViewerTerminal.clamp(request.terminalCharacterWidth, fallback: t.columns)
                t.rows = ViewerTerminal.clamp(request.terminalRowHeight, fallback: t.rows)
                terminal = t
                process?.resize(columns: t.columns, rows: t.rows)
            }
        case let request as SSHChannelRequestEvent.ShellRequest:
            start(wantReply: request.wantReply, context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            reply(request.wantReply, true, context)
            refuse(Refusal.command, context)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            reply(request.wantReply, false, context)
            refuse(request.subsystem == "sftp" ? Refusal.fileTransfer : Refusal.subsystem, context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            reply(request.wantReply, false, context)   // the follower's environment is the room's
        case is ChannelEvent:
            // The client closed its side (EOF): a viewer with no keys left still watches.
            break
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data, let pty else { return }
        // Keys for the follower; if it is not taking them, they are dropped, not queued.
        if pty.isWritable { pty.writeAndFlush(bytes, promise: nil) }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { bridge?.viewerCanTakeMore() }
        context.fireChannelWritabilityChanged()
    }

    /// The shell request: the follower on a pty, if the room has a place and the viewer a terminal.
    private func start(wantReply: Bool, _ context: ChannelHandlerContext) {
        guard process == nil else { reply(wantReply, false, context); return }
        reply(wantReply, true, context)
        guard let terminal else { refuse(Refusal.noTerminal, context); return }
        guard room.takeSeat() else { refuse(Refusal.full(room.maximum), context); room.tell(Refusal.fullNotice(room.maximum)); return }
        seated = true
        guard let process = ViewerProcess.start(room.followerCommand, terminal: terminal, environment: room.followerEnvironment) else {
            refuse(Refusal.cannotStart, context)
            return
        }
        self.process = process
        let channel = context.channel
        let bridge = PtyBridge(viewer: channel)
        self.bridge = bridge
        let bound = NIOLoopBound((self, bridge), eventLoop: channel.eventLoop)
        NIOPipeBootstrap(group: channel.eventLoop)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: false)
            .takingOwnershipOfDescriptor(inputOutput: process.controller)
            .whenComplete { result in
                let (session, bridge) = bound.value
                switch result {
                case .success(let pty):
                    do { try pty.pipeline.syncOperations.addHandler(bridge) } catch { pty.close(promise: nil); return }
                    session.pty = pty
                    session.room.register(session, on: pty.eventLoop)
                    pty.closeFuture.assumeIsolated().whenComplete { _ in session.followerEnded() }
                case .failure:
                    session.refuse(Refusal.cannotStart, nil)
                }
            }
    }

    /// The follower is gone (it quit, or the presenter ended the session): the viewer hears
    /// why, if there is a reason, then the channel closes with the follower's status.
    private func followerEnded() {
        pty = nil
        guard let context else { return }
        if let farewell { write(farewell, to: context, type: .channel) }
        end(status: 0, context)
    }

    /// The presenter has ended the session: the follower is asked to leave (it restores the
    /// viewer's terminal on the way), and the goodbye follows its last output.
    func presenterEnded() {
        farewell = Refusal.goodbye
        if let process { kill(process.pid, SIGTERM) } else if let context { end(status: 0, context) }
    }

    /// A reason on the viewer's standard error, then the end of the channel.
    private func refuse(_ message: String, _ context: ChannelHandlerContext?) {
        guard let context = context ?? self.context else { return }
        write(message, to: context, type: .stdErr)
        end(status: 1, context)
    }

    private func write(_ text: String, to context: ChannelHandlerContext, type: SSHChannelData.DataType) {
        let buffer = context.channel.allocator.buffer(string: text)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: type, data: .byteBuffer(buffer))), promise: nil)
    }

    private func end(status: Int, _ context: ChannelHandlerContext) {
        let channel = context.channel
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).assumeIsolated().whenComplete { _ in
            channel.close(promise: nil)
        }
        releaseSeat()
    }

    /// The viewer is gone: so is its follower (closing the pty hangs it up).
    private func hangUp() {
        if let process, pty != nil { kill(process.pid, SIGHUP) }
        pty?.close(promise: nil)
        pty = nil
        releaseSeat()
    }

    private func releaseSeat() {
        guard seated else { return }
        seated = false
        room.leaveSeat()
        room.unregister(self)
    }

    private func reply(_ wanted: Bool, _ success: Bool, _ context: ChannelHandlerContext) {
        guard wanted else { return }
        context.channel.triggerUserOutboundEvent(success ? ChannelSuccessEvent() as any Sendable : ChannelFailureEvent() as any Sendable, promise: nil)
    }
}

/// The follower's output, from its pty to the viewer's channel, read only as fast as the
/// viewer takes it: a viewer that stops reading stops the reads, the follower then waits on its
/// terminal, and the presenter (which keeps only the newest view for a slow follower) is not
/// held up; nothing grows without bound.
final class PtyBridge: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let viewer: Channel
    private var context: ChannelHandlerContext?
    private var readWaiting = false

    init(viewer: Channel) { self.viewer = viewer }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        viewer.write(SSHChannelData(type: .channel, data: .byteBuffer(bytes)), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) { viewer.flush() }

    /// EIO once the follower has closed its terminal: the end of the pty, not a fault.
    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    func read(context: ChannelHandlerContext) {
        if viewer.isWritable { context.read() } else { readWaiting = true }
    }

    /// The viewer's channel has room again.
    func viewerCanTakeMore() {
        guard readWaiting, let context else { return }
        readWaiting = false
        context.read()
    }
}

/// What a viewer is told when the room will not do what it asked.
enum Refusal {
    static let command = "trilateral: this room is watch-only: it runs no commands. Connect without one: ssh -t -p PORT HOST\r\n"
    static let fileTransfer = "trilateral: this room is watch-only: no file transfer.\r\n"
    static let subsystem = "trilateral: this room is watch-only: no subsystems.\r\n"
    static let noTerminal = "trilateral: this room shows the presenter's screen and needs a terminal: connect with ssh -t.\r\n"
    static let cannotStart = "trilateral: the room could not start a viewer; tell the presenter.\r\n"
    static let goodbye = "\r\ntrilateral: the presenter has ended the session. Goodbye.\r\n"
    static func full(_ n: Int) -> String { "trilateral: the room is full (\(n) watching over ssh); try again later.\r\n" }
    static func fullNotice(_ n: Int) -> String { "ssh: a viewer was turned away: the room is full (\(n))" }
}
