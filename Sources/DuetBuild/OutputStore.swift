import DuetRender
import DuetSource

/// Where a finished build goes. The build hands over everything at once, after every check has
/// passed, so a store never sees half a site.
public protocol OutputStore {
    func write(rendered: [OutputFile], copied: [StaticFile]) throws(BuildError)
}
