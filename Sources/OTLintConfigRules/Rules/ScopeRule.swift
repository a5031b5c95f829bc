#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// A rule over one environment scope (a compose service, a standalone env file).
///
/// To add one: make a type conforming to `ScopeRule` in its own file, write `Rules/OTLxxx.md`, and append the
/// type to `ConfigAnalyzer.rules`. Read variables with `scope.setting(_:)` (winning, non-empty definition),
/// treat a nil `value` as "cannot judge", point at `definition.valueLocation` / `keyLocation`, add
/// `definition.valueRelated` and, for production-only rules, `scope.tier.explanation` and `tier.related`.
public protocol ScopeRule: Sendable {
    static var id: String { get }
    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic]
    /// Whether the rule also judges the environment of telemetry backends and collectors. SDK rules do not:
    /// a backend's `OTEL_*` variables are no application's SDK settings.
    var judgesTelemetryBackends: Bool { get }
}

extension ScopeRule {
    public var judgesTelemetryBackends: Bool { false }
    public var id: String { Self.id }

    /// The default severity from the rule's document.
    public var severity: Severity { RuleCatalog.defaultSeverity(id) }

    /// A diagnostic about a definition's value, pointing where the value is really written.
    func valueDiagnostic(_ definition: VariableDefinition, message: String, severity: Severity? = nil, why: String? = nil,
                         help: String? = nil, related: [RelatedLocation] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: id, severity: severity ?? self.severity, message: message, location: definition.valueLocation, why: why,
                   help: help, related: definition.valueRelated + related, fix: fix, maskedRanges: definition.credentialRanges)
    }
}

extension VariableDefinition {
    /// Where an endpoint value's `user:password@` is written, to mask it in the excerpt shown with a finding.
    var credentialRanges: [ByteRange] {
        guard let value, let userInfo = EndpointURL(value)?.userInfoRange, let site = valueSite,
              let location = site.location(ofValueBytes: userInfo) else { return [] }
        return [location.range]
    }
}

/// Adds a new variable next to an existing definition, in the same style (env line, compose mapping entry,
/// compose list item), keeping everything else byte for byte.
enum EntryInsertion {
    static func after(_ anchor: VariableDefinition, name: String, value: String) -> TextEdit? {
        guard !anchor.isInherited else { return nil }
        let file = anchor.file
        let bytes = file.bytes
        let line = file.lineIndex(containing: max(anchor.entryRange.end - 1, anchor.entryRange.start))
        let lineStart = file.lineStarts[line]
        var lineEnd = line + 1 < file.lineStarts.count ? file.lineStarts[line + 1] - 1 : bytes.count
        let hasNewline = line + 1 < file.lineStarts.count
        let crlf = hasNewline && lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "\r")
        if crlf { lineEnd -= 1 }
        let lineBreak = crlf ? "\r\n" : "\n"
        // The indentation of the line the anchor's key is on.
        let keyLine = file.lineIndex(containing: anchor.keyRange.start)
        let keyLineStart = file.contentStart(ofLine: keyLine)
        let prefix = file.slice(ByteRange(keyLineStart, anchor.keyRange.start))
        let entry: String
        switch anchor.source {
        case .instrumentationField:
            return nil
        case .dockerfile:
            // A new instruction after the one that holds the anchor (quoted when the value needs it).
            let needsQuotes = value.contains { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" || $0 == "\\" || $0 == "$" }
            let quoted = needsQuotes ? "\"" + value.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"")
                .replacingEvery("$", with: "\\$") + "\"" : value
            return TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd), replacement: lineBreak + "ENV \(name)=\(quoted)")
        case .envFile:
            let exported = prefix.blankTrimmed.hasPrefix("export") ? "export " : ""
            entry = exported + "\(name)=\(value)"
            guard prefix.allSatisfy({ $0 == " " || $0 == "\t" }) || !exported.isEmpty else { return nil }
            return TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd), replacement: lineBreak + entry)
        case .kubernetesEnv:
            // `- name: KEY` then `value: "…"` under it, at the indentation of the anchor's item.
            let itemLine = file.lineIndex(containing: anchor.entryRange.start)
            let itemLineStart = file.lineStarts[itemLine]
            let itemPrefix = file.slice(ByteRange(itemLineStart, anchor.entryRange.start))
            guard itemPrefix.blankTrimmed == "-", let dash = itemPrefix.firstIndex(of: "-") else { return nil }
            let indent = String(itemPrefix[..<dash])
            let inner = indent + String(repeating: " ", count: itemPrefix.distance(from: dash, to: itemPrefix.endIndex))
            return TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd),
                            replacement: lineBreak + itemPrefix + "name: \(name)" + lineBreak + inner + "value: \"\(value.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\""))\"")
        case .composeEnvironment(.mapping), .kubernetesConfigMap:
            guard prefix.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
            let quote = anchor.writtenSite.map { bytes[$0.range.start] } ?? 0
            let quoted = quote == UInt8(ascii: "\"") ? "\"\(value)\"" : quote == UInt8(ascii: "'") ? "'\(value)'" : YAMLQuoting.plainSafe(value)
            entry = prefix + "\(name): \(quoted)"
        case .composeEnvironment(.list):
            // `      - KEY=value` or `      - "KEY=value"`.
            let trimmed = prefix.blankTrimmed
            guard trimmed == "-" || trimmed == "- \"" || trimmed == "-\"" || trimmed == "- '" || trimmed.isEmpty else { return nil }
            var itemPrefix = prefix
            var closing = ""
            if prefix.hasSuffix("\"") { closing = "\"" }
            if prefix.hasSuffix("'") { closing = "'" }
            if trimmed.isEmpty {
                // The key is not at the start of the item (a quoted item): rebuild from the dash.
                let dashPrefix = file.slice(ByteRange(keyLineStart, max(keyLineStart, anchor.entryRange.start)))
                guard dashPrefix.blankTrimmed == "-" else { return nil }
                itemPrefix = dashPrefix
            }
            entry = itemPrefix + "\(name)=\(value)" + closing
        }
        return TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd), replacement: lineBreak + entry)
    }
}

enum YAMLQuoting {
    /// A value written plain when YAML reads it back as the same string, else double-quoted (numbers and
    /// booleans too, so `0.10` stays a string).
    static func plainSafe(_ value: String) -> String {
        let lower = value.lowercased()
        let typed = Double(value) != nil || ["true", "false", "yes", "no", "on", "off", "null", "~"].contains(lower)
        let special = typed || value.contains(where: { ":#{}[],&*!|>'\"%@`".contains($0) }) || value.hasPrefix(" ") || value.hasSuffix(" ")
        return special || value.isEmpty ? "\"\(value)\"" : value
    }
}

/// The OTLP export settings one signal uses, per-signal variables over base ones.
struct SignalExport {
    var signal: String
    var endpoint: VariableDefinition?
    var endpointIsPerSignal: Bool
    var protocolDefinition: VariableDefinition?

    /// The signals exported over OTLP in a scope (exporter unset, or a list containing `otlp`).
    static func all(in scope: EnvironmentScope) -> [SignalExport] {
        VariableCatalog.signals.compactMap { signal in
            if let exporter = scope.setting("OTEL_\(signal)_EXPORTER") {
                guard let value = exporter.value?.lowercased() else { return nil }
                let names = value.split(separator: ",").map { $0.blankTrimmed }
                guard names.contains(where: { $0 == "otlp" || $0.hasPrefix("otlp_proto") || $0 == "otlp_json_http" }) else { return nil }
            }
            let perSignal = scope.setting("OTEL_EXPORTER_OTLP_\(signal)_ENDPOINT")
            return SignalExport(signal: signal, endpoint: perSignal ?? scope.setting("OTEL_EXPORTER_OTLP_ENDPOINT"),
                                endpointIsPerSignal: perSignal != nil,
                                protocolDefinition: scope.setting("OTEL_EXPORTER_OTLP_\(signal)_PROTOCOL") ?? scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL"))
        }
    }
}

extension EnvironmentScope {
    /// Whether the process is set up to export telemetry: an exporter or OTLP variable is set, and the SDK is
    /// not disabled.
    /// No endpoint is set and every exporter variable that is set names only exporters in `allowed`
    /// (`OTEL_TRACES_EXPORTER=console`); an unset one is not judged.
    func exportsOnly(to allowed: Set<String>) -> Bool {
        guard !effectiveDefinitions.contains(where: { $0.isSet && $0.name.hasPrefix("OTEL_EXPORTER_OTLP_") && $0.name.hasSuffix("ENDPOINT") })
        else { return false }
        return EnvironmentScope.exporterVariables.allSatisfy { name in
            guard let definition = setting(name) else { return true }
            guard let value = definition.value else { return false }
            return value.split(separator: ",").allSatisfy { allowed.contains($0.blankTrimmed.lowercased()) }
        }
    }

    /// The variables that choose each signal's exporters.
    static let exporterVariables = ["OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER"]

    /// Exporters that print or do nothing: telemetry that reaches no backend.
    static let localExporters: Set<String> = ["console", "logging", "none"]

    var configuresTelemetry: Bool {
        if setting("OTEL_SDK_DISABLED")?.value?.lowercased() == "true" { return false }
        let exporters = EnvironmentScope.exporterVariables.map { setting($0)?.value?.lowercased() }
        if exporters.allSatisfy({ $0 == "none" }) { return false }
        return effectiveDefinitions.contains { definition in
            guard definition.isSet else { return false }
            if definition.name.hasPrefix("OTEL_EXPORTER_OTLP_") { return true }
            if EnvironmentScope.exporterVariables.contains(definition.name) {
                return definition.value.map { $0.lowercased() != "none" } ?? false
            }
            return false
        }
    }
}
