import Foundation
import SnapshotKit

/// Publishes a new version of a snapshot whole, or nothing: the changed files are written into a
/// staging copy beside the snapshot, the manifest is rewritten (files with bytes and SHA-256,
/// `generated_at`, and `period_end` when given), the copy is validated by the same loader as
/// `cdsboard check`, and only then published:
/// - when the snapshot path is a symlink, the copy becomes a new version directory beside the
///   target (`import-<time>-<pid>`) and the link is swapped in one rename (`ln -sfn` + `mv -T`): a reader sees the old or
///   the new version;
/// - otherwise each changed file is renamed over the old one, the manifest last: a running
///   dashboard takes the export only once every listed file matches the new manifest.
/// A refusal removes the staging copy and leaves the snapshot as it was.
public enum SnapshotPublisher {
    /// What was published, for the command's last line.
    public struct Published: Sendable, Equatable {
        /// The directory now holding the new version (the new version directory for a symlink).
        public var directory: String
        public var changed: [String]
        public var viaSymlink: Bool
    }

    /// `changes`: file name → new contents (nil removes the file). `generatedAt` as ISO 8601
    /// with offset; `periodEnd` `YYYY-MM-DD` when the import reaches past the old one.
    public static func publish(_ changes: [String: Data?], into path: String, generatedAt: String,
                               periodEnd: String? = nil) throws(ImportPlan.Refusal) -> Published {
        func refuse(_ message: String) -> ImportPlan.Refusal { ImportPlan.Refusal(errors: [ImportError(file: path, message)]) }
        let fm = FileManager.default
        let isLink = (try? fm.destinationOfSymbolicLink(atPath: path)) != nil
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let stamp = generatedAt.filter { $0.isNumber }.prefix(14)
        let stage = parent + "/.\(base).import-\(getpid())-\(stamp)"
        for name in changes.keys where name.contains("/") || name.hasPrefix(".") || name == "manifest.json" {
            throw refuse("cannot write \"\(name)\" into a snapshot")
        }
        do {
            try? fm.removeItem(atPath: stage)
            try fm.createDirectory(atPath: stage, withIntermediateDirectories: false)
            for name in try fm.contentsOfDirectory(atPath: target) where !name.hasPrefix(".") {
                try fm.copyItem(atPath: target + "/" + name, toPath: stage + "/" + name)
            }
            for (name, data) in changes {
                if let data { try data.write(to: URL(fileURLWithPath: stage + "/" + name)) } else { try? fm.removeItem(atPath: stage + "/" + name) }
            }
            try rewriteManifest(stage, generatedAt: generatedAt, periodEnd: periodEnd)
        } catch let e as ImportPlan.Refusal {
            try? fm.removeItem(atPath: stage)
            throw e
        } catch {
            try? fm.removeItem(atPath: stage)
            throw refuse("the new version cannot be staged beside it (\(error.localizedDescription)): nothing written")
        }
        if case .failure(let failure) = SnapshotLoader.load(directory: stage) {
            try? fm.removeItem(atPath: stage)
            throw ImportPlan.Refusal(errors: failure.errors.prefix(50).map { ImportError(file: path, "\($0)") }
                                     + [ImportError(file: path, "the new version does not pass check: nothing written")])
        }
        let changed = changes.keys.sorted() + ["manifest.json"]
        if isLink {
            let version = parent + "/import-\(stamp)-\(getpid())"
            let link = (path as NSString).deletingLastPathComponent + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
            do {
                try fm.moveItem(atPath: stage, toPath: version)
                try? fm.removeItem(atPath: link)
                try fm.createSymbolicLink(atPath: link, withDestinationPath: version)
                guard rename(link, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                try? fm.removeItem(atPath: link)
                try? fm.removeItem(atPath: stage)
                throw refuse("the link cannot be swapped (\(error.localizedDescription)); the old version is still published")
            }
            return Published(directory: version, changed: changed, viaSymlink: true)
        }
        // Renamed one by one, the manifest last; removed files after the manifest no longer lists them.
        for name in changes.compactMap({ $0.value == nil ? nil : $0.key }).sorted() + ["manifest.json"] {
            if rename(stage + "/" + name, target + "/" + name) != 0 {
                throw refuse("\(name) cannot be renamed into place (\(String(cString: strerror(errno)))): the export is incomplete until it is")
            }
        }
        for (name, data) in changes where data == nil { try? fm.removeItem(atPath: target + "/" + name) }
        try? fm.removeItem(atPath: stage)
        return Published(directory: target, changed: changed, viaSymlink: false)
    }

    /// Sets `generated_at` (and `period_end`) and the `files` list of `dir/manifest.json`.
    static func rewriteManifest(_ dir: String, generatedAt: String, periodEnd: String?) throws {
        let url = URL(fileURLWithPath: dir + "/manifest.json")
        guard var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw ImportPlan.Refusal(errors: [ImportError(file: "manifest.json", "is not a JSON object")])
        }
        manifest["generated_at"] = generatedAt
        if let periodEnd, (manifest["period_end"] as? String).map({ $0 < periodEnd }) ?? true { manifest["period_end"] = periodEnd }
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        try ExportIntegrity.relistedManifest(directory: dir).write(to: url)
    }
}
