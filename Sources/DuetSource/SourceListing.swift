/// The content folder's files with their stamps, taken by the walk that digests every input
/// (`InputStamps` in the build): the scan then lists no folder and `stat`s no file itself, where
/// it did both again for each of 2,000 sources on every rebuild.
///
/// It holds what `DirectoryListing` would list, in its order: hidden files and folders, editor
/// backups and folders reached through a symbolic link are left out; a dangling link is a file
/// without a stamp (reading it reports it).
public struct SourceListing: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// From the content folder: `posts/en/2026-01-05-a.md`.
        public var relative: String
        public var stamp: SourceStamp?

        public init(relative: String, stamp: SourceStamp?) {
            (self.relative, self.stamp) = (relative, stamp)
        }
    }

    /// Sorted by `relative`, as `DirectoryListing` sorts.
    public private(set) var files: [File]

    public init(files: [File]) {
        self.files = files.sorted { $0.relative < $1.relative }
    }

    /// The files under the top-level `folder`, relative to it (`en/2026-01-05-a.md`), sorted.
    public func files(under folder: String) -> [File] {
        let prefix = folder + "/"
        let count = prefix.utf8.count
        // Sorted, so the folder's files are one run, from the first path not below the prefix.
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].relative < prefix { low = middle + 1 } else { high = middle }
        }
        var found: [File] = []
        for file in files[low...] {
            guard file.relative.utf8.starts(with: prefix.utf8) else { break }
            found.append(File(relative: String(Substring(file.relative.utf8.dropFirst(count))), stamp: file.stamp))
        }
        return found
    }
}
