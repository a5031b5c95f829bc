import Foundation
import OTLintCore

/// OTL401 (configuration part): instrumentation told to record credential-bearing HTTP headers as span
/// attributes: the Java agent's `OTEL_INSTRUMENTATION_HTTP_{CLIENT,SERVER}_CAPTURE_{REQUEST,RESPONSE}_HEADERS` (header
/// names) and Python's `OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_{SERVER,CLIENT}_{REQUEST,RESPONSE}` (regular
/// expressions, with values redacted for headers matching `..._SANITIZE_FIELDS`); and, in production, GenAI
/// instrumentations told to record message content (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`).
struct SensitiveHeaderCaptureRule: ScopeRule {
    static let id = "OTL401"

    /// Headers that carry credentials or session identifiers (semconv-sensitive.md §5).
    static let sensitiveHeaders = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
                                   "x-auth-token", "x-csrf-token", "x-amz-security-token"]
    static let javaVariables = ["CLIENT", "SERVER"].flatMap { side in
        ["REQUEST", "RESPONSE"].map { "OTEL_INSTRUMENTATION_HTTP_\(side)_CAPTURE_\($0)_HEADERS" }
    }
    static let pythonVariables = ["SERVER", "CLIENT"].flatMap { side in
        ["REQUEST", "RESPONSE"].map { "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_\(side)_\($0)" }
    }
    static let pythonSanitize = "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SANITIZE_FIELDS"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = genAIContentDiagnostics(scope)
        for name in Self.javaVariables {
            guard let definition = scope.setting(name), let value = definition.value else { continue }
            for item in ListItem.split(value) where Self.sensitiveHeaders.contains(item.text.lowercased()) {
                diagnostics.append(diagnostic(definition, item: item, captured: [item.text.lowercased()], sanitize: nil))
            }
        }
        // Python redacts the values of headers matching the sanitize patterns; an unknown list may cover anything.
        let sanitizeDefinition = scope.setting(Self.pythonSanitize)
        if sanitizeDefinition != nil && sanitizeDefinition?.value == nil { return diagnostics }
        let sanitize = sanitizeDefinition?.value.map { ListItem.split($0).compactMap { Self.regex($0.text) } } ?? []
        for name in Self.pythonVariables {
            guard let definition = scope.setting(name), let value = definition.value else { continue }
            for item in ListItem.split(value) where !item.text.isEmpty {
                guard let pattern = Self.regex(item.text) else { continue }
                let captured = Self.sensitiveHeaders.filter { header in
                    Self.matchesWhole(pattern, header) && !sanitize.contains { Self.matchesPart($0, header) }
                }
                if !captured.isEmpty {
                    diagnostics.append(diagnostic(definition, item: item, captured: captured, sanitize: sanitizeDefinition == nil ? Self.pythonSanitize : nil))
                }
            }
        }
        return diagnostics
    }

    /// Message content capture in a production process: every prompt and answer is exported. Only production: in
    /// development and tests capturing content is the usual way to debug an LLM application.
    private func genAIContentDiagnostics(_ scope: EnvironmentScope) -> [Diagnostic] {
        guard scope.tier.isProduction, !scope.isTemplate, let definition = scope.setting(GenAIContentCapture.variable),
              let value = definition.value?.blankTrimmed, GenAIContentCapture.enablingValues.contains(value.lowercased()) else { return [] }
        // The experimental mode takes a mode name, where `NO_CONTENT` (not `false`) is the off value.
        let off = value.lowercased() == "true" ? "false" : "NO_CONTENT"
        return [Diagnostic(
            ruleID: id, severity: severity,
            message: "\(scope.displayName) records GenAI message content in production (`\(definition.name)=\(value)`): prompts, answers and tool arguments are exported with every trace",
            location: definition.valueLocation,
            why: "the scope is production: \(scope.tier.explanation); the semantic conventions warn that `gen_ai.input.messages`, `gen_ai.output.messages` and tool call arguments likely hold personal and sensitive data, which then sits in the tracing backend for everyone with trace access",
            help: "remove `\(definition.name)` (capture is off by default) or set it to `\(off)` in production; enable it only where the data may be stored",
            related: definition.valueRelated + scope.tier.related,
            fix: definition.valueReplacement(off).map { Fix(title: "set `\(definition.name)=\(off)`", edits: [$0], applicability: .unsafe) })]
    }

    private func diagnostic(_ definition: VariableDefinition, item: ListItem, captured: [String], sanitize: String?) -> Diagnostic {
        let headers = captured.map { "`\($0)`" }.joined(separator: ", ")
        let what = captured.count == 1 && captured[0] == item.text.lowercased() ? "the \(headers) header" : "\(headers) (the pattern `\(item.text)` matches them)"
        var help = "remove `\(item.text)` from `\(definition.name)`; capture only the headers you need, e.g. `content-type`"
        if let sanitize { help += ", or redact the values with `\(sanitize)=authorization,cookie,set-cookie`" }
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "`\(definition.name)` records \(what) on every span: credentials end up in the tracing backend",
            location: definition.location(inValue: item.range),
            why: "captured headers become `http.request.header.*` / `http.response.header.*` span attributes, exported and kept for weeks where everyone with trace access can read and replay them; the semantic conventions warn that capturing such headers is a security risk",
            help: help, related: definition.valueRelated)
    }

    private static func regex(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Whether the pattern matches the whole header name (how capture patterns such as `X-.*` are meant).
    private static func matchesWhole(_ regex: NSRegularExpression, _ header: String) -> Bool {
        let range = NSRange(header.startIndex..., in: header)
        return regex.firstMatch(in: header, options: [.anchored], range: range).map { $0.range == range } ?? false
    }

    /// Whether the pattern matches anywhere in the header name: the lenient reading for sanitize patterns, so a
    /// header possibly redacted is not reported.
    private static func matchesPart(_ regex: NSRegularExpression, _ header: String) -> Bool {
        regex.firstMatch(in: header, range: NSRange(header.startIndex..., in: header)) != nil
    }
}
