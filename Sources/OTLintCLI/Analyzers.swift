import OTLintCore

/// Every analyzer otlint runs.
enum Analyzers {
    static var all: [any Analyzer] { [] }
}
