/// The authors named in the bios at the end of an article (`__Name__ is ...` after the last rule),
/// which is where a Jekyll post with an "et al." byline keeps its full author list.
public enum BioNames {
    public static func extract(fromHTML html: String) -> [String] {
        guard let rule = html.ranges(of: "<hr />").last else { return [] }
        return html[rule.upperBound...].matches(of: /<p><strong>([^<]+)<\/strong>/).map {
            String($0.output.1).trimmingSpaces()
        }
    }
}

extension BioNames {
    /// What a byline reads of the body (`AuthorDirectory.byline(of:written:)`), for the parse stage to
    /// measure once and the build cache to keep, so that the graph reads no stored body: nil
    /// when the byline needs none (it does not end in "et al.").
    public static func measured(for document: ParsedDocument) -> [String]? {
        AuthorDirectory.writtenByline(of: document).etAl ? extract(fromHTML: document.unrecordedBody.html) : nil
    }
}
