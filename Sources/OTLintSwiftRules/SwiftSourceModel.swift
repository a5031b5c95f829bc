import OTLintCore
import SwiftParser
import SwiftSyntax

/// Which tracing library a Swift file is written against, decided from its imports.
public struct SwiftEcosystems: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// open-telemetry/opentelemetry-swift (`OpenTelemetryApi`, `OpenTelemetrySdk`, its exporters).
    public static let openTelemetrySwift = SwiftEcosystems(rawValue: 1 << 0)
    /// apple/swift-distributed-tracing (`Tracing`, `Instrumentation`) and swift-otel (`OTel`), plus the server
    /// frameworks that speak it (Hummingbird, Vapor, AsyncHTTPClient).
    public static let distributedTracing = SwiftEcosystems(rawValue: 1 << 1)
    /// swift-otel itself (`OTel`, `OTLPGRPC`, or `OpenTelemetry` before 0.9 when no otel-swift module is imported).
    public static let swiftOTel = SwiftEcosystems(rawValue: 1 << 2)
    /// apple/swift-metrics (`Metrics`, `CoreMetrics`).
    public static let swiftMetrics = SwiftEcosystems(rawValue: 1 << 3)
}

/// One parsed Swift file and the facts every rule needs about it.
final class SwiftSourceModel {
    let file: SourceFile
    let tree: SourceFileSyntax
    /// Module names imported anywhere in the file (including `@testable`, `import struct M.T`, and imports
    /// re-exported by another file of the run).
    let imports: Set<String>
    let ecosystems: SwiftEcosystems
    /// A test target file: under a `Tests/` directory, or importing XCTest / Testing.
    let isTestCode: Bool
    /// Benchmark code (a `Benchmarks` directory, or `import Benchmark`): loops over spans are the point there.
    var isBenchmarkCode: Bool {
        ("/" + file.path).split(separator: "/").contains { $0.contains("Benchmark") } || imports.contains("Benchmark")
    }
    /// Example or sample code (an `Examples`, `Samples` or `Demo` directory): it shows an API and runs on a
    /// laptop, so rules about production settings leave it alone.
    var isExampleCode: Bool {
        let names: Set<String> = ["example", "examples", "sample", "samples", "demo", "demos"]
        return ("/" + file.path).split(separator: "/").dropLast().contains { names.contains($0.lowercased()) }
    }
    /// Facts gathered over every file of the run.
    let project: SwiftProjectFacts

    // What several rules ask of the whole file, computed once on first use (one thread owns a model).
    /// The calls, member accesses, assignments and declarations of the file, from one walk of the tree.
    private(set) lazy var nodes = SyntaxNodeIndex(tree)
    private(set) lazy var spanStarts: [SpanStart] = findSpanStarts(in: self)
    private(set) lazy var attributeUses: [AttributeUse] = findAttributeUses(in: self)
    private(set) lazy var exporterEndpoints: [ExporterEndpoint] = findExporterEndpoints(in: self)
    private(set) lazy var samplerExpressions: [SamplerExpression] = findSamplerExpressions(in: self)
    private(set) lazy var assignments: [Assignment] = findAssignments(in: self)
    private(set) lazy var stringConstants: [String: StringLiteralExprSyntax] = findStringConstants(in: self)

    init(file: SourceFile, tree: SourceFileSyntax, extraImports: Set<String>, project: SwiftProjectFacts) {
        self.file = file
        self.tree = tree
        self.project = project
        var imports = extraImports
        for statement in tree.statements {
            SwiftSourceModel.collectImports(Syntax(statement.item), into: &imports)
        }
        self.imports = imports
        self.ecosystems = SwiftSourceModel.ecosystems(for: imports)
        self.isTestCode = SwiftSourceModel.isTestPath(file.path) || imports.contains("XCTest")
            || imports.contains("Testing") || imports.contains("InMemoryTracing")
    }

    /// A file in a test target directory (`Tests/`, `AppTests/`, test utilities).
    static func isTestPath(_ path: String) -> Bool {
        let directories = ("/" + path).split(separator: "/").dropLast()
        return directories.contains { $0 == "Test" || $0.hasSuffix("Tests") || $0.contains("TestUtil") || $0.contains("TestSupport") }
    }

    /// Imports can sit inside `#if canImport(X)` blocks, so those are searched too.
    private static func collectImports(_ node: Syntax, into imports: inout Set<String>) {
        if let importDecl = node.as(ImportDeclSyntax.self) {
            if let first = importDecl.path.first { imports.insert(first.name.text) }
        } else if let ifConfig = node.as(IfConfigDeclSyntax.self) {
            for clause in ifConfig.clauses {
                guard let elements = clause.elements else { continue }
                for child in elements.children(viewMode: .sourceAccurate) {
                    if let item = child.as(CodeBlockItemSyntax.self) {
                        collectImports(Syntax(item.item), into: &imports)
                    } else {
                        collectImports(child, into: &imports)
                    }
                }
            }
        } else if let list = node.as(CodeBlockItemListSyntax.self) {
            for item in list { collectImports(Syntax(item.item), into: &imports) }
        }
    }

    static let openTelemetrySwiftModules: Set<String> = [
        "OpenTelemetryApi", "OpenTelemetrySdk", "OpenTelemetryConcurrency", "OpenTelemetryProtocolExporterGrpc",
        "OpenTelemetryProtocolExporterHttp", "OpenTelemetryProtocolExporterCommon", "OpenTelemetryProtocolExporter",
        "StdoutExporter", "JaegerExporter", "ZipkinExporter", "InMemoryExporter", "PersistenceExporter",
        "PrometheusExporter", "URLSessionInstrumentation", "ResourceExtension", "SignPostIntegration",
        "NetworkStatus", "OTelSwiftTracing", "OTelSwiftLog", "SwiftMetricsShim", "BaggagePropagationProcessor",
        "Sessions",
    ]
    static let distributedTracingModules: Set<String> = [
        "Tracing", "Instrumentation", "ServiceContextModule", "InstrumentationBaggage", "InMemoryTracing",
        "OTel", "OTLPGRPC", "OtlpGRPCSpanExporting", "OTelSemanticConventions", "W3CTraceContext",
        "Hummingbird", "HummingbirdCore", "Vapor", "AsyncHTTPClient",
    ]
    static let swiftOTelModules: Set<String> = ["OTel", "OTLPGRPC", "OtlpGRPCSpanExporting", "OTelSemanticConventions"]

    /// Every module whose import gives a file an ecosystem (what `isRelevant` asks for).
    static let relevantModules: Set<String> = openTelemetrySwiftModules.union(distributedTracingModules)
        .union(swiftOTelModules).union(["OpenTelemetry", "Metrics", "CoreMetrics"])

    static func ecosystems(for imports: Set<String>) -> SwiftEcosystems {
        var result: SwiftEcosystems = []
        if !imports.isDisjoint(with: openTelemetrySwiftModules) { result.insert(.openTelemetrySwift) }
        if !imports.isDisjoint(with: distributedTracingModules) { result.insert(.distributedTracing) }
        if !imports.isDisjoint(with: swiftOTelModules) { result.insert([.swiftOTel, .distributedTracing]) }
        // swift-otel up to 0.8 was a module literally named `OpenTelemetry`; otel-swift has no such module.
        if imports.contains("OpenTelemetry") && !result.contains(.openTelemetrySwift) {
            result.insert([.swiftOTel, .distributedTracing])
        }
        if imports.contains("Metrics") || imports.contains("CoreMetrics") { result.insert(.swiftMetrics) }
        return result
    }

    /// Whether the file imports a module any Swift rule looks at. Files that do not are never judged, which is
    /// what makes the text pre-filter safe (see `SwiftPrefilter`).
    var isRelevant: Bool { !ecosystems.isEmpty }

    // MARK: - Ranges and diagnostics

    func range(of node: some SyntaxProtocol) -> ByteRange {
        ByteRange(node.positionAfterSkippingLeadingTrivia.utf8Offset, node.endPositionBeforeTrailingTrivia.utf8Offset)
    }

    func location(of node: some SyntaxProtocol) -> OTLintCore.SourceLocation {
        file.location(range(of: node))
    }

    func lineColumn(of node: some SyntaxProtocol) -> LineColumn {
        file.lineColumn(at: node.positionAfterSkippingLeadingTrivia.utf8Offset)
    }

    func diagnostic(
        _ ruleID: String,
        at node: some SyntaxProtocol,
        message: String,
        why: String? = nil,
        help: String? = nil,
        related: [RelatedLocation] = [],
        fix: Fix? = nil,
        maskedRanges: [ByteRange] = []
    ) -> Diagnostic {
        Diagnostic(
            ruleID: ruleID, severity: RuleCatalog.defaultSeverity(ruleID), message: message,
            location: location(of: node), why: why, help: help, related: related, fix: fix,
            maskedRanges: maskedRanges
        )
    }

    func related(_ node: some SyntaxProtocol, _ message: String) -> RelatedLocation {
        RelatedLocation(location: location(of: node), message: message)
    }

    func edit(replacing node: some SyntaxProtocol, with text: String) -> TextEdit {
        TextEdit(path: file.path, range: range(of: node), replacement: text)
    }

    /// The whitespace that starts the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> String {
        let line = file.lineIndex(containing: offset)
        var index = file.lineStarts[line]
        var result = ""
        while index < file.bytes.count, file.bytes[index] == UInt8(ascii: " ") || file.bytes[index] == UInt8(ascii: "\t") {
            result.append(Character(UnicodeScalar(file.bytes[index])))
            index += 1
        }
        return result
    }
}
