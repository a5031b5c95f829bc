import OTLintConfigRules
import OTLintCore
import OTLintSwiftRules

/// Every analyzer otlint runs.
public enum Analyzers {
    public static var all: [any Analyzer] { [ConfigAnalyzer(), SwiftAnalyzer()] }
}
