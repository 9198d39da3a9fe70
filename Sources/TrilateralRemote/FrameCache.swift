import Synchronization
import TrilateralUI

/// The frames of a room's viewers, drawn once for all viewers in the same state (following
/// the presenter at one size, say) and encoded once for all of those with the same look and
/// the same frame on screen. Thread-safe: viewers on every event loop of a server share it; a
/// frame is drawn under its lock, so a second loop asking for it waits and takes it.
///
/// Bounded: the newest `frameLimit` frames and `encodingLimit` encodings are kept.
public final class FrameCache: Sendable {
    /// A drawn frame; its number names it in the encodings.
    public struct Frame: Sendable {
        public let id: Int
        public let canvas: Canvas
    }

    private struct Drawn {
        let frame: Frame
        let generation: Int
        let shared: SharedState
        let local: LocalState
    }

    private struct Encoded {
        let from: Int?
        let to: Int
        let look: FrameEncoder.Look
        let bytes: [UInt8]
    }

    /// How often a frame or an encoding was made, and how often one was taken as made.
    public struct Counts: Sendable, Equatable {
        public var drawn = 0, reused = 0, encoded = 0, reusedEncodings = 0
    }

    private struct Store {
        var drawn: [Drawn] = []
        var encoded: [Encoded] = []
        var next = 1
        var counts = Counts()
    }

    private let store = Mutex(Store())
    public static let frameLimit = 16
    public static let encodingLimit = 64

    public init() {}

    public var counts: Counts { store.withLock { $0.counts } }

    /// The frame of `state`, whose briefing is the room's `generation`th: one already drawn for
    /// an equal state, or drawn now.
    public func frame(of state: AppState, generation: Int) -> Frame {
        store.withLock { store in
            if let hit = store.drawn.firstIndex(where: { $0.generation == generation && $0.shared == state.shared && $0.local == state.local }) {
                store.counts.reused += 1
                let drawn = store.drawn.remove(at: hit)
                store.drawn.insert(drawn, at: 0)
                return drawn.frame
            }
            let frame = Frame(id: store.next, canvas: Dashboard.render(state))
            store.next += 1
            store.counts.drawn += 1
            store.drawn.insert(Drawn(frame: frame, generation: generation, shared: state.shared, local: state.local), at: 0)
            if store.drawn.count > Self.frameLimit { store.drawn.removeLast() }
            return frame
        }
    }

    /// The bytes from `previous` (nil: a clear screen) to `frame` for `encoder`'s look: already
    /// made for another viewer, or made now with `encoder`.
    public func bytes(from previous: Frame?, to frame: Frame, encoder: inout FrameEncoder) -> [UInt8] {
        let look = encoder.look
        return store.withLock { store in
            if let hit = store.encoded.firstIndex(where: { $0.to == frame.id && $0.from == previous?.id && $0.look == look }) {
                store.counts.reusedEncodings += 1
                let encoded = store.encoded.remove(at: hit)
                store.encoded.insert(encoded, at: 0)
                return encoded.bytes
            }
            let bytes = encoder.encode(frame.canvas, over: previous?.canvas)
            store.counts.encoded += 1
            store.encoded.insert(Encoded(from: previous?.id, to: frame.id, look: look, bytes: bytes), at: 0)
            if store.encoded.count > Self.encodingLimit { store.encoded.removeLast() }
            return bytes
        }
    }
}
