import DuetModel

/// The interface strings of every configured language, completed from the default language.
///
/// A key missing in one language falls back to the default language's text and is a warning
/// naming the key and the file, so a Chinese page never silently shows a blank where a word was.
public struct StringsCatalog: Sendable {
    public var byLanguage: [String: Strings]

    /// - Parameters:
    ///   - loaded: strings per language code, as read; `paths` says which file each came from.
    ///   - missingPath: where a language's file would be, for the diagnostic when it is absent.
    public static func resolve(loaded: [String: Strings], paths: [String: SourceLocation], config: SiteConfig,
                               missingPath: (String) -> String) -> (StringsCatalog, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let fallback = loaded[config.defaultLanguage] ?? Strings(values: [:])
        if loaded[config.defaultLanguage] == nil {
            diagnostics.append(.warning("no interface strings for the default language '\(config.defaultLanguage)'",
                                        at: SourceLocation(file: missingPath(config.defaultLanguage))))
        }
        var result: [String: Strings] = [:]
        for language in config.languages {
            guard var strings = loaded[language.code] else {
                if language.code != config.defaultLanguage {
                    diagnostics.append(.warning(
                        "no interface strings for language '\(language.code)'; using the \(config.defaultLanguage) ones",
                        at: SourceLocation(file: missingPath(language.code))))
                }
                result[language.code] = Strings(values: fallback.values, locale: language.tag)
                continue
            }
            strings.locale = language.tag
            for key in fallback.values.keys.sorted() where strings.values[key] == nil {
                diagnostics.append(.warning(
                    "interface string '\(key)' is missing; using the \(config.defaultLanguage) text",
                    at: paths[language.code] ?? SourceLocation(file: missingPath(language.code))))
                strings.values[key] = fallback.values[key]
            }
            result[language.code] = strings
        }
        return (StringsCatalog(byLanguage: result), diagnostics)
    }

    public subscript(language: String) -> Strings {
        DependencyRecorder.current?.record(.strings(language))
        return byLanguage[language] ?? Strings(values: [:], locale: language)
    }
}
