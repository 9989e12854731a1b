import DuetModel
import Foundation

/// One file of the content folder, read into memory: the load stage's output.
public struct SourceFile: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case post
        case page
    }

    public var kind: Kind
    /// The path diagnostics print, as the user named the content folder (`content/posts/en/x.md`).
    public var path: String
    /// The language folder the file sits in (`posts/zh/...` -> `zh`), if any.
    public var folderLanguage: String?
    public var data: Data
    /// Size, modification time and inode when it was scanned: a file whose stamp is the one it
    /// had when last parsed is not read again (git's and ninja's shortcut). Nil for in-memory files.
    public var stamp: SourceStamp?
    /// True when the scan left `data` empty because the caller already knows this exact file.
    public var isUnread = false

    public init(kind: Kind, path: String, folderLanguage: String?, data: Data, stamp: SourceStamp? = nil) {
        self.kind = kind
        self.path = path
        self.folderLanguage = folderLanguage
        self.data = data
        self.stamp = stamp
    }

    /// File name without its extension: `2025-01-15-us-china-coordination`.
    public var stem: String { ParsedDocument.fileStem(of: path) }
}
