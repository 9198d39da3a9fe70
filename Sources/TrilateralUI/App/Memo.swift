import Synchronization

/// A value derived from a briefing, computed the first time it is asked for and then kept,
/// shared by every copy of the state that holds it. For what most sessions never need (the
/// search texts of 100,000 events) and should not pay for at start.
final class Memo<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let stored = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        stored.withLock { stored in
            if let value = stored { return value }
            let value = make()
            stored = value
            return value
        }
    }
}
