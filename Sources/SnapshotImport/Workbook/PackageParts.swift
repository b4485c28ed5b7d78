import Foundation
import ZIPFoundation

/// The parts of an .xlsx package (a ZIP archive), each read whole but never beyond
/// `WorkbookLimits.maxPartBytes` of uncompressed bytes, whatever its header declares.
struct PackageParts {
    let archive: Archive
    let file: String
    let limits: WorkbookLimits

    /// Opens the archive, after the container checks of `FileSignature`.
    init(url: URL, file: String, limits: WorkbookLimits) throws(ImportError) {
        self.file = file
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError(file: file, "not a readable .xlsx workbook (its ZIP directory cannot be read: the file is cut short or is not a workbook)")
        }
    }

    /// Whether the package holds `path` (`xl/sharedStrings.xml`).
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The uncompressed bytes of `path`, or nil when the package has no such part.
    func read(_ path: String) throws(ImportError) -> Data? {
        guard let entry = archive[path] else { return nil }
        let cap = limits.maxPartBytes
        if entry.uncompressedSize > UInt64(cap) {
            throw ImportError(file: file, "part \(path) declares \(entry.uncompressedSize) bytes uncompressed, over the bound of \(cap) bytes a part")
        }
        var data = Data()
        var over = false
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                if data.count + chunk.count > cap { over = true; throw CocoaError(.fileReadTooLarge) }
                data.append(chunk)
            }
        } catch {
            if over {
                throw ImportError(file: file, "part \(path) unpacks to more than \(cap) bytes (the bound a part; a ZIP bomb or not a report): refused after reading \(cap) bytes")
            }
            throw ImportError(file: file, "part \(path) cannot be unpacked (\(Self.reason(error))): the file is damaged")
        }
        return data
    }

    private static func reason(_ error: Error) -> String {
        if let e = error as? Archive.ArchiveError { return "\(e)" }
        return "\(error)"
    }
}
