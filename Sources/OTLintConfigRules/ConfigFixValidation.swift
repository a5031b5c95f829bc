import OTLintCore
import OTLintYAML

extension ConfigAnalyzer {
    /// A fix must leave a compose file that still parses: the fixer refuses to write one that does not.
    public func validateFixedText(_ file: SourceFile) -> String? {
        guard ConfigPaths.kind(ofExplicitFile: file.path) == .compose else { return nil }
        do {
            _ = try YAMLParser.parse(file)
            return nil
        } catch {
            return "invalid YAML at line \(error.position.line), column \(error.position.column): \(error.message)"
        }
    }
}
