import DuetModel
import DuetRender
import DuetSource
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a temporary sibling of the output folder and swaps it in at the end,
/// so a failed or interrupted build leaves the previous `_site/` exactly as it was. The swap is
/// one `renameat2(RENAME_EXCHANGE)` where the system has it (`FolderSwap`), so even a build killed
/// mid-swap leaves a whole site; elsewhere it is two renames, with a brief moment without one.
public struct DiskStore: OutputStore {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(rendered: [OutputFile], copied: [StaticFile]) throws(BuildError) {
        try write(rendered: rendered, copied: copied, carried: [])
    }

    /// `carried`: files of the current output that an incremental build left unchanged. They are
    /// hard-linked into the new folder (same inode, so their modification time stays), which keeps
    /// the swap whole without writing them again.
    func write(rendered: [OutputFile], copied: [StaticFile], carried: [String]) throws(BuildError) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).duet-new-\(token)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).duet-old-\(token)")
        FolderSwap.removeLeftovers(of: output)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: parent.path, reason: error.localizedDescription)
        }
        do {
            var madeFolders: Set<String> = []
            for relative in carried {
                let target = try Self.confined(relative, in: staging)
                try makeParent(of: target, madeFolders: &madeFolders)
                let source = try Self.confined(relative, in: output)
                if link(source.path, target.path) != 0 { try fileManager.copyItem(at: source, to: target) }
            }
            for file in copied {
                let target = try Self.confined(file.outputPath, in: staging)
                try makeParent(of: target, madeFolders: &madeFolders)
                try fileManager.copyItem(at: file.url, to: target)
            }
            // Rendered files on all cores: the folders first, then one file per task. A rendered
            // path is never a carried one (each path has one claim), but an unlink first makes
            // sure no write goes through a hard link into the previous site.
            let staged = staging
            let targets = ParallelMap.map(rendered) { file in Result { () throws(BuildError) in try Self.confined(file.path, in: staged) } }
            var paths: [String] = []
            paths.reserveCapacity(targets.count)
            for target in targets {
                let url = try target.get()
                try makeParent(of: url, madeFolders: &madeFolders)
                paths.append(url.path)
            }
            let failures = ParallelMap.map(Array(zip(rendered, paths))) { file, path -> String? in
                unlink(path)
                do {
                    try Self.write(file, to: path)
                    return nil
                } catch {
                    return "\(path): \(error.localizedDescription)"
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw BuildError.writeFailed(path: output.path, reason: failure) }
        } catch let error as BuildError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .writeFailed(path: output.path, reason: error.localizedDescription)
        }
        do {
            let hadOutput = fileManager.fileExists(atPath: output.path)
            if hadOutput, FolderSwap.exchange(staging.path, output.path) {
                // `staging` now holds the previous site.
                try? fileManager.removeItem(at: staging)
                return
            }
            if hadOutput { try fileManager.moveItem(at: output, to: retired) }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
                throw error
            }
            if hadOutput { try? fileManager.removeItem(at: retired) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .writeFailed(path: output.path, reason: error.localizedDescription)
        }
    }

    static func write(_ file: OutputFile, to path: String) throws {
        switch file.body {
        case .text(let text): try writeFile(text, to: path)
        case .data(let data): try data.write(to: URL(fileURLWithPath: path))
        }
    }

    /// A plain `open`/`write`/`close`: `Data.write(to:)` calls `fsync` on every file, which cost
    /// more than rendering the page. The swap at the end is what makes the output appear whole.
    static func writeFile(_ text: String, to path: String) throws {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { Glibc.close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }

    /// The route checks already refuse `..`; this is the last line of defence at the only place
    /// that writes, so no bug upstream can ever write outside the output folder.
    static func confined(_ relative: String, in root: URL) throws(BuildError) -> URL {
        let target = root.appendingPathComponent(relative).standardizedFileURL
        guard !relative.hasPrefix("/"), target.path.hasPrefix(root.standardizedFileURL.path + "/") else {
            throw .unsafeOutput(path: relative, reason: "the path leaves the output folder")
        }
        return target
    }

    private func makeParent(of target: URL, madeFolders: inout Set<String>) throws {
        let folder = target.deletingLastPathComponent().path
        guard madeFolders.insert(folder).inserted else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
}

/// Keeps the output in memory: for tests and, later, the preview server.
public final class MemoryStore: OutputStore, @unchecked Sendable {
    public private(set) var files: [String: Data] = [:]

    public init() {}

    public func write(rendered: [OutputFile], copied: [StaticFile]) throws(BuildError) {
        var files: [String: Data] = [:]
        for file in copied {
            files[file.outputPath] = (try? Data(contentsOf: file.url)) ?? Data()
        }
        for file in rendered { files[file.path] = file.bytes }
        self.files = files
    }
}
