import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

/// No silent degradation: when this user's inotify instances are used up (the 129th viewer on
/// one account gets EMFILE), the watcher says so and polls often enough to stay within a
/// second. (Simulated: using up the real instances would degrade every other test running.)
@Suite struct WatchDegradationTests {
    @Test func runningOutOfInotifyInstancesIsSaidAndPollsFast() throws {
        let dir = Fixtures.copyOfSample()
        let watcher = DirectoryWatcher(directory: dir, useInotify: true, openInotify: { errno = EMFILE; return -1 })
        #expect(watcher.inotifyFD < 0)
        #expect(watcher.degradation?.contains("max_user_instances") == true)
        #expect(watcher.pollInterval <= 0.5)
        // It still sees a change, by polling.
        FileManager.default.createFile(atPath: dir + "/extra.txt", contents: Data("x".utf8))
        #expect(watcher.poll(now: monotonicNow() + 1))
        // With inotify to be had, nothing is said; asked to poll, nothing is said either.
        #expect(DirectoryWatcher(directory: dir, useInotify: true).degradation == nil)
        #expect(DirectoryWatcher(directory: dir, useInotify: false).degradation == nil)
    }
}
