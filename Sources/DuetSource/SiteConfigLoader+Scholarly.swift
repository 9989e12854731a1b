import DuetModel

extension SiteConfigLoader {
    /// `doi_prefix`, `doi_suffix`, `crossref`, `issn` and `license`: what a journal of record
    /// registers. Each mistake is a located warning and the key is left out, so a typo in an
    /// ISSN never reaches Crossref or Google Scholar (with `--strict` the build stops instead).
    static func readScholarly(_ yaml: FrontMatter, into config: inout SiteConfig, locator: NestedKeyLocator, path: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if let entry = yaml.entry("doi_prefix"), entry.value != .null {
            // YAML reads `10.1000` as the number 10.1: the prefix is taken as written.
            let prefix = locator.writtenScalar(of: entry) ?? entry.value.scalarText ?? ""
            if DOI.isValidPrefix(prefix) {
                config.doiPrefix = prefix
            } else {
                warnings.append(.warning("doi_prefix '\(prefix)' is not a DOI prefix: expected '10.' followed by 4 to 9 digits, "
                    + "as in 10.5555; no DOIs are assigned", at: entry.location))
            }
        }
        if let entry = yaml.entry("doi_suffix"), entry.value != .null {
            let pattern = DOISuffixPattern(entry.value.scalarText ?? "")
            if let unknown = pattern.unknownPlaceholder {
                warnings.append(.warning("doi_suffix uses '\(unknown)', which is not one of "
                    + DOISuffixPattern.placeholders.joined(separator: ", ") + "; the default \(DOISuffixPattern.standard.pattern) is used",
                    at: entry.location))
            } else if pattern.pattern.isEmpty || pattern.pattern.contains(where: \.isWhitespace) {
                warnings.append(.warning("doi_suffix must be text without spaces, such as \(DOISuffixPattern.standard.pattern)",
                                         at: entry.location))
            } else {
                config.doiSuffix = pattern
            }
        }
        if let entry = yaml.entry("crossref"), entry.value != .null {
            let (head, problems) = crossrefHead(entry, locator: locator)
            config.crossref = head
            warnings += problems
        } else if config.doiPrefix != nil {
            warnings.append(.warning("doi_prefix is set but crossref: {depositor, email, registrant} is not: "
                + "no Crossref deposit is written", at: yaml.entry("doi_prefix")?.location ?? SourceLocation(file: path)))
        }
        if let entry = yaml.entry("issn"), entry.value != .null {
            warnings += readISSNs(entry, into: &config.issn, locator: locator)
        }
        if let entry = yaml.entry("license") {
            let (license, problems) = LicenseField.read(entry.value, at: entry.location)
            config.license = license
            warnings += problems
        }
        return warnings
    }

    private static func crossrefHead(_ entry: FrontMatter.Entry, locator: NestedKeyLocator) -> (CrossrefHead?, [Diagnostic]) {
        guard case .map(let pairs) = entry.value else {
            return (nil, [.warning("'crossref' must be a map: crossref: {depositor: ..., email: ..., registrant: ...}", at: entry.location)])
        }
        var fields: [String: String] = [:]
        var warnings: [Diagnostic] = []
        for pair in pairs {
            guard ["depositor", "email", "registrant"].contains(pair.key) else {
                warnings.append(.warning("unknown key '\(pair.key)' under 'crossref': use depositor, email and registrant",
                                         at: locator.location(of: pair.key, under: entry)))
                continue
            }
            fields[pair.key] = pair.value.scalarText
        }
        let missing = ["depositor", "email", "registrant"].filter { (fields[$0] ?? "").isEmpty }
        if !missing.isEmpty {
            warnings.append(.warning("crossref needs " + missing.joined(separator: ", ") + ": no Crossref deposit is written",
                                     at: entry.location))
            return (nil, warnings)
        }
        let email = fields["email"] ?? ""
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
            warnings.append(.warning("crossref email '\(email)' is not an email address: Crossref mails each deposit's result there",
                                     at: locator.location(of: "email", under: entry)))
            return (nil, warnings)
        }
        return (CrossrefHead(depositor: fields["depositor"] ?? "", email: email, registrant: fields["registrant"] ?? ""), warnings)
    }

    /// `issn: 2049-3630` (the electronic edition's) or `issn: {electronic: ..., print: ...}`.
    private static func readISSNs(_ entry: FrontMatter.Entry, into issns: inout ISSNs, locator: NestedKeyLocator) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func read(_ value: FrontMatterValue, at location: SourceLocation) -> ISSN? {
            let text = value.scalarText ?? ""
            if let problem = ISSN.problem(with: text) {
                warnings.append(.warning(problem + "; the ISSN is left out", at: location))
                return nil
            }
            return ISSN(text)
        }
        switch entry.value {
        case .map(let pairs):
            for pair in pairs {
                let location = locator.location(of: pair.key, under: entry)
                switch pair.key {
                case "electronic", "online", "eissn": issns.electronic = read(pair.value, at: location)
                case "print", "pissn": issns.print = read(pair.value, at: location)
                default:
                    warnings.append(.warning("unknown key '\(pair.key)' under 'issn': use electronic and print", at: location))
                }
            }
        case let value:
            issns.electronic = read(value, at: entry.location)
        }
        return warnings
    }
}
