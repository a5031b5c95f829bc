import OTLintCore
import OTLintYAML

extension ConfigAnalyzer {
    /// A fix must leave a YAML file (compose or collector configuration) that still parses: the fixer refuses to
    /// write one that does not.
    public func validateFixedText(_ file: SourceFile) -> String? {
        let name = ConfigPaths.fileName(file.path).lowercased()
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return nil }
        do {
            _ = try YAMLParser.parse(file)
            return nil
        } catch {
            return "invalid YAML at line \(error.position.line), column \(error.position.column): \(error.message)"
        }
    }
}
