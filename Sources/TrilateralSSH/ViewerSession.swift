import NIOCore
import NIOSSH
import TrilateralDoorServer
import TrilateralModel
import TrilateralRemote
import TrilateralUI

/// One SSH session channel: a viewer. It takes a `pty-req` and a `shell`, then shows the
/// viewer its own dashboard (`RemoteViewer`), drawn by this door at the size and terminal type
/// the `pty-req` gave; `window-change` lays it out again; keys go to it as they do for
/// `trilateral follow`; it ends on `q`, when the connection drops, or when the presenter goes.
/// Everything else a client may ask of a session — a command (`ssh host ls`), a subsystem
/// (sftp, scp), agent or X11 forwarding, environment — is refused with a message.
///
/// A viewer that stops reading fills its channel's window: its frames then wait (only the
/// newest is drawn when it takes more), so nothing grows and no one else waits.
final class ViewerSession: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = Never
    typealias OutboundOut = SSHChannelData

    private let room: Room
    private var terminal: ViewerTerminal?
    private var viewer: RemoteViewer?
    /// This viewer's own connection to the presenter, which counts it and hears its status.
    private var upstream: Channel?
    private var status: StatusPacer?
    private var context: ChannelHandlerContext?
    /// Whether this session took one of the room's places (and must give it back).
    private var seated = false
    /// Whether the channel's end has been asked for.
    private var ended = false
    /// Whether a frame is to be drawn once this event loop's waiting work has run.
    private var drawing = false

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
            reply(request.wantReply, terminal != nil, context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            if var t = terminal {
                t.resize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
                terminal = t
                viewer?.resized(to: Size(width: t.columns, height: t.rows))
                draw()
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
            reply(request.wantReply, false, context)   // the viewer's dashboard has no environment to set
        case is ChannelEvent:
            // The client closed its side (EOF): a viewer with no keys left still watches.
            break
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data, viewer != nil else { return }
        if viewer?.typed(bytes.readableBytesView) == true {
            leave(nil, context)
            return
        }
        draw()
        report()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        draw()
        context.fireChannelWritabilityChanged()
    }

    // MARK: The room's side (on this session's event loop)

    /// The presenter's newest view.
    func received(_ view: SharedState) {
        viewer?.received(view)
        draw()
        report()
    }

    /// The presenter's new briefing (a `--watch` reload).
    func rebased(_ briefing: Briefing, generation: Int) {
        viewer?.rebased(briefing, generation: generation)
        draw()
    }

    /// The presenter has ended the session: the viewer's terminal is put back and told why.
    func presenterEnded() {
        guard let context, !ended else { return }
        if viewer != nil { leave(Refusal.goodbye, context) } else { end(status: 0, context) }
    }

    // MARK: Drawing

    /// The shell request: the viewer's dashboard, if the room has a place and it a terminal.
    private func start(wantReply: Bool, _ context: ChannelHandlerContext) {
        guard viewer == nil, !seated else { reply(wantReply, false, context); return }
        reply(wantReply, true, context)
        guard let terminal else { refuse(Refusal.noTerminal, context); return }
        guard room.takeSeat() else { refuse(Refusal.full(room.maximum), context); room.tell(Refusal.fullNotice(room.maximum)); return }
        seated = true
        let channel = context.channel
        guard let viewer = room.join(self, on: channel.eventLoop, terminal: terminal) else { refuse(Refusal.cannotStart, context); return }
        self.viewer = viewer
        write(viewer.opening, context)
        draw()
        let me = NIOLoopBound(self, eventLoop: channel.eventLoop)
        ViewerUpstream.open(room.socket, via: "ssh", on: channel.eventLoop, ended: { me.value.presenterEnded() })
            .whenComplete { result in
                let session = me.value
                switch result {
                case .success(let up):
                    if session.viewer == nil { up.close(promise: nil); return }
                    session.upstream = up
                    session.status = StatusPacer(channel: up, sent: ViewerUpstream.status(browsing: false, via: "ssh"))
                    session.report()
                case .failure: session.presenterEnded()
                }
            }
    }

    /// The newest frame, once what is waiting on this event loop has run (a burst of keys,
    /// resizes or views is one frame), if the viewer's channel takes it then (else when it
    /// next can).
    private func draw() {
        guard !drawing, let context else { return }
        drawing = true
        let me = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let session = me.value
            session.drawing = false
            guard let context = session.context, context.channel.isWritable, let bytes = session.viewer?.frame() else { return }
            session.write(bytes, context)
        }
    }

    /// The viewer's status to the presenter, when it changed.
    private func report() {
        guard let viewer else { return }
        status?.send(ViewerUpstream.status(browsing: viewer.browsing, answer: viewer.pollAnswer, via: "ssh"))
    }

    private func write(_ bytes: [UInt8], _ context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(bytes: bytes)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
    }

    // MARK: Ending

    /// The viewer's terminal put back as it was, a reason if there is one, then the end.
    private func leave(_ reason: String?, _ context: ChannelHandlerContext) {
        guard let viewer else { return }
        self.viewer = nil
        write(viewer.closing + Array((reason ?? "").utf8), context)
        end(status: 0, context)
    }

    /// A reason on the viewer's standard error, then the end of the channel.
    private func refuse(_ message: String, _ context: ChannelHandlerContext?) {
        guard let context = context ?? self.context else { return }
        let buffer = context.channel.allocator.buffer(string: message)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
        end(status: 1, context)
    }

    private func end(status: Int, _ context: ChannelHandlerContext) {
        guard !ended else { return }
        ended = true
        let channel = context.channel
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).assumeIsolated().whenComplete { _ in
            channel.close(promise: nil)
        }
        releaseSeat()
    }

    /// The viewer is gone: so is its place, and its connection to the presenter.
    private func hangUp() {
        viewer = nil
        releaseSeat()
    }

    private func releaseSeat() {
        upstream?.close(promise: nil)
        upstream = nil
        status = nil
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
