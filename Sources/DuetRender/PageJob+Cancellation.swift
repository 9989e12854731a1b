import DuetModel

extension PageJob {
    /// The same job, failing at once after `isCancelled` turns true: a cancelled build renders
    /// nothing more, and since a failed job means nothing is written, the output stays as it was.
    public func stopping(when isCancelled: @escaping @Sendable () -> Bool) -> PageJob {
        let make = self.make
        let path = self.path
        return PageJob(path: path, dependencies: dependencies) { factory throws(RenderFailure) in
            if isCancelled() { throw RenderFailure(.error("build cancelled", at: SourceLocation(file: path))) }
            return try make(factory)
        }
    }
}
