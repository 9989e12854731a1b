import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a freshly written folder in the place of the old one with no moment in between when the
/// output is missing or mixed: a build killed at any instant leaves either the old site or the new.
enum FolderSwap {
    /// `renameat2(RENAME_EXCHANGE)`: one system call swaps the two names (Linux 3.15+, most local
    /// file systems). Looked up at run time because Swift's Glibc module does not declare it.
    /// Returns false when the system or the file system cannot, and nothing was changed.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 1 << 1 // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #else
        return false
        #endif
    }

    /// Afterwards `output` holds the site that was at `staging`, and `staging` the previous one.
    /// Where there is no exchange: three renames, with a brief moment without a site.
    static func put(_ staging: String, in output: String) throws(BuildError) {
        if exchange(staging, output) { return }
        let aside = staging + ".duet-old-\(getpid())"
        guard rename(output, aside) == 0 else { throw .writeFailed(path: output, reason: String(cString: strerror(errno))) }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(aside, output)
            throw .writeFailed(path: output, reason: reason)
        }
        rename(aside, staging)
    }

    /// Staging and retired folders (`.<name>.duet-new-<pid>-<n>`, `.duet-old-`) of builds that were
    /// killed before they could clean up: removed when their process is gone.
    static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).duet-new-", ".\(output.lastPathComponent).duet-old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                  let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }
}
