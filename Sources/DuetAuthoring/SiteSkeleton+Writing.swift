import DuetModel
import Foundation

extension SiteSkeleton {
    public enum WriteError: Error, Hashable, Sendable, CustomStringConvertible {
        case notEmpty(path: String)
        case cannotWrite(path: String, reason: String)

        public var diagnostic: Diagnostic {
            switch self {
            case .notEmpty(let path):
                return .error("the folder exists and is not empty; nothing was written (choose a new folder)", at: SourceLocation(file: path))
            case .cannotWrite(let path, let reason):
                return .error("cannot create the site here: \(reason); nothing was written", at: SourceLocation(file: path))
            }
        }

        public var description: String { diagnostic.description }
    }

    /// Writes the site into `folder`, which must not exist or be empty, so that a failure half-way
    /// leaves nothing behind. A new folder is filled beside its final place and renamed into it; an
    /// existing empty one (often the working folder: `duet new site .`) is written into directly, so
    /// a shell standing in it keeps seeing it, and what was written is removed again on failure.
    /// - Parameter display: the folder as the user typed it, for messages.
    public func write(to folder: URL, display: String? = nil) throws(WriteError) {
        let path = display ?? folder.path
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder)
        if exists {
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard isFolder.boolValue, entries.isEmpty else { throw .notEmpty(path: path) }
        }
        let parent = folder.deletingLastPathComponent()
        var ancestor = parent
        while !fileManager.fileExists(atPath: ancestor.path, isDirectory: &isFolder), ancestor.path != "/" {
            ancestor.deleteLastPathComponent()
        }
        guard isFolder.boolValue else { throw .cannotWrite(path: path, reason: "\(ancestor.path) is a file, not a folder") }
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).duet-new-\(UUID().uuidString.prefix(8))")
        let destination = exists ? folder : staging
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            for file in files {
                let target = destination.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: target, options: .withoutOverwriting)
            }
            // rename(2) refuses to replace a folder somebody filled in the meantime.
            if !exists, rename(staging.path, folder.path) != 0 {
                throw CocoaError(.fileWriteFileExists)
            }
        } catch {
            if exists {
                for top in Set(files.compactMap { $0.path.split(separator: "/").first.map(String.init) }) {
                    try? fileManager.removeItem(at: folder.appendingPathComponent(top))
                }
            } else {
                try? fileManager.removeItem(at: staging)
            }
            if (error as? CocoaError)?.code == .fileWriteFileExists { throw .notEmpty(path: path) }
            throw .cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        let text = nsError.localizedDescription
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
