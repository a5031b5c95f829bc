import OTLintCore

/// Every analyzer otlint runs.
public enum Analyzers {
    public static var all: [any Analyzer] { [TelemetryAnalyzer()] }
}
