import Foundation
import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

extension LiveSnapshotProvider {
    /// Drives the provider as the run loop does until an event arrives or time runs out.
    public func nextEvent(timeout: Double = 30) -> ProviderEvent? {
        let end = monotonicNow() + timeout
        while monotonicNow() < end {
            var fds = fileDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let wait = deadline.map { max(0, $0 - monotonicNow()) } ?? 0.05
            _ = poll(&fds, nfds_t(fds.count), Int32(min(wait, 0.05) * 1000) + 1)
            for f in fds where f.revents != 0 { handleReadable(f.fd) }
            if let d = deadline, monotonicNow() >= d { handleDeadline(now: monotonicNow()) }
            if let e = takeEvents().first { return e }
        }
        return nil
    }

    /// Drives the provider until an event other than `.arriving` comes; the arriving files on the way.
    public func nextDecision(timeout: Double = 30) -> (event: ProviderEvent?, arriving: [String]) {
        let end = monotonicNow() + timeout
        var arriving: [String] = []
        while monotonicNow() < end {
            guard let e = nextEvent(timeout: end - monotonicNow()) else { break }
            if case .arriving(let name) = e { arriving.append(name); continue }
            return (e, arriving)
        }
        return (nil, arriving)
    }
}
