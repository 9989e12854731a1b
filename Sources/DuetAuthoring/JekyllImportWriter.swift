import DuetModel
import DuetSource
import Foundation

/// The file-system edge of `duet import jekyll`: the whole content folder is written beside its
/// destination and moved into place at the end, so a failure leaves nothing half-written, and a
/// destination that already has files is refused.
public enum JekyllImportWriter {
    public static func write(_ plan: JekyllImport.Plan, to destination: URL, display: String) throws(AuthoringError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            guard DirectoryListing.files(under: destination).isEmpty else { throw .destinationNotEmpty(path: display) }
        }
        let staging = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).import-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, data) in plan.files {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            for (source, path) in plan.copies {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.copyItem(at: source, to: url)
            }
            if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.moveItem(at: staging, to: destination)
        } catch {
            try? manager.removeItem(at: staging)
            throw .unreadable(path: display, reason: "cannot write the content folder: \(error.localizedDescription)")
        }
    }
}
