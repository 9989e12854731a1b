/// What `duet --version` prints: the number from the repository's `VERSION` file and the commit
/// the binary was built from ("unknown" when built outside a git checkout). Both are filled in at
/// build time by the EmbedDefaultTheme plugin.
public enum DuetVersion {
    /// `0.1.0 (ec677e8)`.
    public static var description: String {
        "\(number) (\(commit == "unknown" ? commit : String(commit.prefix(12))))"
    }
}
