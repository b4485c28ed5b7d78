import Foundation

/// Drawings made from a snapshot's outlines (the map's rasters at one size), kept by the
/// `Geometry` they were made from: they live as long as that snapshot's geometry and go with
/// it, so a reload never keeps an old snapshot's outlines alive, and nothing is global.
/// At most `limit` drawings are kept, the oldest dropped first.
public final class DrawingMemo: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private var entries: [(key: AnyHashable, value: any Sendable)] = []
    private let lock = NSLock()
    public let limit: Int

    public init(limit: Int = 8) { self.limit = limit }

    /// The drawing kept for `key`, else `make()`'s, kept.
    public func value<T: Sendable>(for key: AnyHashable, _ make: () -> T) -> T {
        lock.lock()
        if let hit = entries.first(where: { $0.key == key })?.value as? T { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        lock.lock()
        entries.append((key, made))
        if entries.count > limit { entries.removeFirst() }
        lock.unlock()
        return made
    }
}

extension DrawingMemo: CustomReflectable {
    /// Not data: what was drawn is not part of the snapshot (a round trip through the cache
    /// compares the snapshot's properties by reflection).
    public var customMirror: Mirror { Mirror(self, children: []) }
}
