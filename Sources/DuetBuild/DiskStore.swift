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

    /// `carried`: files of the current output that an incremental build left unchanged, and
    /// `removed`: files of it the new site no longer has. Carried files are hard-linked into the new
    /// folder (same inode, so their modification time stays), which keeps the swap whole without
    /// writing them again; `recorded`: how many files the last build's record names (carried,
    /// rewritten and removed). With a `twin` (the command line's builds), an incremental build
    /// writes into it only what changed (`TwinFolder`). Returned: the work left for while the cache
    /// is saved (to wait for before exiting): the old site brought to the new one after an
    /// incremental build; after a full one, the previous site removed and the twin linked.
    @discardableResult
    func write(rendered: [OutputFile], copied: [StaticFile], carried: [String], removed: [String] = [], recorded: Int? = nil,
               twin: TwinFolder? = nil, preparation: TwinFolder.Preparation? = nil) throws(BuildError) -> TwinFolder.Pending? {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        FolderSwap.removeLeftovers(of: output)
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if let twin, hadOutput, !carried.isEmpty, twin.canSwap(with: output.path) {
            return try writeThrough(twin, rendered: rendered, copied: copied, carried: carried, removed: removed, recorded: recorded,
                                    preparation: preparation)
        }
        preparation?.cancel()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).duet-new-\(token)").path
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: parent.path, reason: error.localizedDescription)
        }
        do {
            try TwinFolder.make(carried.map(TwinFolder.Entry.link) + rendered.map(TwinFolder.Entry.rendered)
                                + copied.map(TwinFolder.Entry.copied), in: staging, source: output.path, holding: .nothing)
        } catch {
            FileSteps.removeTree(staging)
            throw error
        }
        let retired = try swap(staging, into: hadOutput)
        // While the cache is saved: the previous site goes, and the twin is linked to the new one
        // (70 ms of `link` and `mkdir` at 2,000 articles), so that the first edit after a full
        // build writes what it changed, not one link per file of the site.
        let paths: [String] = carried + rendered.map { $0.path } + copied.map { $0.outputPath }
        let mirrored = twin.flatMap { twin in twin.canSwap(with: output.path) ? twin : nil }
        guard retired != nil || mirrored != nil else { return nil }
        let site = output.path
        return TwinFolder.Pending {
            if let retired { FileSteps.removeTree(retired) }
            if let mirrored {
                _ = preparation?.value
                mirrored.link(paths, of: site)
            }
        }
    }

    /// The incremental write through the twin: arranged as the new site and swapped in. The old
    /// site it got back is brought to match while the cache is saved (the returned work; a failure
    /// there costs the next build time, not the site).
    private func writeThrough(_ twin: TwinFolder, rendered: [OutputFile], copied: [StaticFile], carried: [String],
                              removed: [String], recorded: Int?, preparation: TwinFolder.Preparation?) throws(BuildError) -> TwinFolder.Pending {
        let ready = preparation?.value ?? twin.prepare(output: output.path)
        twin.markUnsure()
        let writes = rendered.map(TwinFolder.Entry.rendered) + copied.map(TwinFolder.Entry.copied)
        if ready.exact {
            // As the last build left it: the recorded files and no other. Only what changed is
            // touched, each target cleared first and its folder made if missing.
            TwinFolder.remove(removed, from: twin.path)
            try TwinFolder.make(writes, in: twin.path, source: output.path, holding: .unknown)
        } else if ready.mirrors, let survey = ready.survey, let recorded, survey.fileCount == recorded {
            // The twin holds the live site's very files, as many as the record names, so exactly
            // those: every carried file is in place already, and only what changed is touched
            // (not one lookup per file of the site).
            TwinFolder.remove(removed, from: twin.path)
            try TwinFolder.make(writes, in: twin.path, source: output.path, holding: .surveyed(survey))
        } else {
            try TwinFolder.arrange(twin.path, survey: ready.survey, entries: carried.map(TwinFolder.Entry.link) + writes,
                                   source: output.path, keepingPresent: ready.mirrors)
        }
        try FolderSwap.put(twin.path, in: output.path)
        let written = rendered.map(\.path) + copied.map(\.outputPath)
        let site = output.path
        return TwinFolder.Pending {
            twin.catchUp(written: written, removed: removed, expected: carried.count + written.count,
                         wanted: { Set(carried + written) }, of: site)
        }
    }

    /// Puts `staging` in the output folder's place; returns where the previous site now is, to be removed.
    private func swap(_ staging: String, into hadOutput: Bool) throws(BuildError) -> String? {
        do throws(BuildError) {
            guard hadOutput else {
                guard rename(staging, output.path) == 0 else { throw .writeFailed(path: output.path, reason: String(cString: strerror(errno))) }
                return nil
            }
            try FolderSwap.put(staging, in: output.path)
            return staging
        } catch {
            FileSteps.removeTree(staging)
            throw error
        }
    }

    /// A new file at `path`: one that is there already is `EEXIST`, never written through (in the
    /// twin it is another name of the live site's file).
    static func write(_ file: OutputFile, to path: String) throws {
        switch file.body {
        case .text(let text):
            var text = text
            try text.withUTF8 { try writeFile(UnsafeRawBufferPointer($0), to: path) }
        case .data(let data):
            try data.withUnsafeBytes { try writeFile($0, to: path) }
        }
    }

    /// A plain `open`/`write`/`close`: `Data.write(to:)` calls `fsync` on every file, which cost
    /// more than rendering the page. The swap at the end is what makes the output appear whole.
    private static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { Glibc.close(descriptor) }
        if let failure = FileSteps.writeAll(descriptor, bytes) {
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
    }

    /// The route checks already refuse `..`; this is the last line of defence at the only place
    /// that writes, so no bug upstream can ever write outside the output folder.
    static func confined(_ relative: String, in root: URL) throws(BuildError) -> URL {
        try FileSteps.confine(relative)
        return root.appendingPathComponent(relative)
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
